package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLint;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.HelmBinary;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.write.RepoLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
    Path root = RepoLayout.of(repo).root();
    Path umbrella = root.resolve(RepoLayout.UMBRELLA_CHART);
    if (!Files.isRegularFile(umbrella.resolve("Chart.yaml"))) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(RepoLayout.UMBRELLA_CHART + "/Chart.yaml"), "",
          "not found (expected generated charts; run 'factory generate-all' first)"));
    }
    PipelineListener listener = Terminal.progress(false);
    try (RepoLock lock = RepoLock.acquire(root, "sync", listener)) {
      requireValidSpecs(root, listener);
      return packageAndLint(root, umbrella);
    }
  }

  /** Charts packaged for a deploy must come from specs that pass their checks. */
  private static void requireValidSpecs(Path root, PipelineListener listener) {
    try {
      new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(root));
    } catch (SpecException e) {
      listener.progress("sync", "the specs are invalid, so sync packages nothing: the charts on disk would not be"
          + " what they say. Fix the problems below, run 'factory generate-all', then sync again");
      throw e;
    }
  }

  private static String packageAndLint(Path root, Path umbrella) {
    HelmCli helm = HelmBinary.forRepo(root);
    helm.dependencyBuild(umbrella);
    List<Path> valuesFiles;
    try (Stream<Path> files = Files.list(umbrella)) {
      valuesFiles = files.filter(f -> f.getFileName().toString().matches("values-.+\\.yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out = new StringBuilder();
    try (Stream<Path> packaged = Files.list(umbrella.resolve("charts"))) {
      out.append("packaged ").append(packaged.filter(p -> p.toString().endsWith(".tgz")).count())
          .append(" charts into umbrella-chart/charts/\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path values : valuesFiles) {
      HelmLint.of(umbrella).values(List.of(values)).strict().run(helm);
      out.append("lint --strict ok with ").append(values.getFileName()).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
