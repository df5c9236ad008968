package dev.chartfactory.cli;

import dev.chartfactory.core.api.ChartFactory;
import dev.chartfactory.core.api.CheckRequest;
import dev.chartfactory.core.api.CheckResult;
import dev.chartfactory.core.api.DiffRequest;
import dev.chartfactory.core.api.DiffResult;
import dev.chartfactory.core.api.OutputFormat;
import dev.chartfactory.core.error.StaleOutputException;
import java.util.List;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * {@code check} and {@code diff}: what the specs would change, compared with the committed
 * charts, as files and as Kubernetes objects per environment.
 */
@Component
public class DiffCommands {

  private static final String UP_TO_DATE = "up to date: charts match the specs";

  @Command(name = "check", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Exit 2 when charts/ and umbrella-chart/ are not what the specs generate, with an object diff per environment")
  public String check(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "base", description = "pull-request mode: the target branch or commit; renders only the apps"
          + " changed since it and prints what the pull request changes in the cluster") String base,
      @Option(longName = "output", defaultValue = "text", description = "text | markdown (for a PR comment) | json") String output,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet) {
    OutputFormat format = OutputFormat.of(output);
    CheckResult result = new ChartFactory(Terminal.progress(quiet)).check(new CheckRequest(repo, base, format));
    boolean json = format == OutputFormat.JSON;
    if (base == null && result.upToDate()) {
      return json ? result.objectDiff() : UP_TO_DATE;
    }
    print(result.objectDiff());
    result.requireUpToDate();
    return json ? "" : UP_TO_DATE;
  }

  @Command(name = "diff", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Show, per environment, which Kubernetes objects and fields the specs change against the committed charts")
  public String diff(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = "one environment (default: all)") String environment,
      @Option(longName = "from", description = "compare specs at this Git ref (default: the committed charts)") String from,
      @Option(longName = "to", description = "with --from: specs at this Git ref (default: the work tree)") String to,
      @Option(longName = "output", defaultValue = "text", description = "text | markdown | json") String output,
      @Option(longName = "exit-code", description = "exit 2 when there are differences (as git diff --exit-code; 1 means invalid input here)") boolean exitCode) {
    OutputFormat format = OutputFormat.of(output);
    DiffResult diff = new ChartFactory(Terminal.progress(true)).diff(new DiffRequest(repo, environment, from, to, format));
    if (exitCode && diff.changed()) {
      print(diff.text());
      throw new StaleOutputException("the specs change the objects above (diff --exit-code)", List.of());
    }
    return format == OutputFormat.JSON || !diff.text().isBlank() ? diff.text().stripTrailing() : "no changes";
  }

  private static void print(String diff) {
    if (!diff.isBlank()) {
      System.out.println(diff.stripTrailing());
      System.out.flush();
    }
  }
}
