package dev.chartfactory.cli;

import dev.chartfactory.core.api.Delivery;
import dev.chartfactory.core.api.SyncResult;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code sync}: the umbrella's dependencies packaged from ../charts and checked per environment. */
@Component
public class SyncCommands {

  @Command(name = "sync", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "helm dependency build of umbrella-chart/ (packages ../charts/*), then helm lint --strict with every values-<env>.yaml")
  public String sync(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo) {
    SyncResult result = new Delivery(Terminal.progress(false)).sync(repo);
    StringBuilder out = new StringBuilder("packaged " + result.packagedCharts() + " charts into umbrella-chart/charts/");
    result.lintedValuesFiles().forEach(values -> out.append("\nlint --strict ok with ").append(values));
    return out.toString();
  }
}
