package dev.chartfactory.cli;

import dev.chartfactory.core.api.DeployRequest;
import dev.chartfactory.core.api.ReleaseHistory;
import dev.chartfactory.core.api.ReleaseState;
import dev.chartfactory.core.api.ReleaseTarget;
import dev.chartfactory.core.api.Releases;
import dev.chartfactory.core.api.RollbackRequest;
import dev.chartfactory.core.error.UsageException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * {@code deploy}, {@code status}, {@code history}, {@code rollback}, {@code uninstall}: the
 * umbrella release named in {@code factory.yaml}, through core's {@link Releases}.
 */
@Component
public class ReleaseCommands {

  private static final Pattern DURATION = Pattern.compile("(\\d+)([hms])");
  private static final String ENV = "environment whose cluster to ask (its cluster: in environments/<env>.yaml; default: the current kube context)";
  private static final String KUBECONFIG = "kubeconfig file (default: KUBECONFIG, else ~/.kube/config)";

  @Command(name = "deploy", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "generate-all, helm dependency build, then helm upgrade --install of the umbrella release with values-<env>.yaml")
  public String deploy(
      @Option(longName = "env", required = true, description = "environment whose values-<env>.yaml to install") String environment,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "dry-run", description = "helm template only: list the objects per kind, never contact the cluster") boolean dryRun,
      @Option(longName = "timeout", defaultValue = "10m", description = "helm --timeout, e.g. 90s, 10m, 1h") String timeout,
      @Option(longName = "skip-generate", description = "deploy the charts as they are on disk") boolean skipGenerate,
      @Option(longName = "no-wait", description = "do not wait for the objects to become ready") boolean noWait,
      @Option(longName = "kubeconfig", defaultValue = "", description = KUBECONFIG) String kubeconfig,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet) {
    Duration helmTimeout = parseTimeout(timeout);
    return new Releases(Terminal.progress(quiet)).deploy(new DeployRequest(
        new ReleaseTarget(repo, environment, kubeconfig), dryRun, skipGenerate, helmTimeout, !noWait)).summary();
  }

  @Command(name = "status", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "helm status of the umbrella release, with who deployed its revision and from which commit")
  public String status(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = ENV) String environment,
      @Option(longName = "output", defaultValue = "text", description = "text | json") String output,
      @Option(longName = "kubeconfig", defaultValue = "", description = KUBECONFIG) String kubeconfig) {
    boolean json = isJson(output);
    ReleaseState status = new Releases(Terminal.progress(false)).status(new ReleaseTarget(repo, environment, kubeconfig));
    return json ? ReleaseFormats.statusJson(status) : ReleaseFormats.statusText(status);
  }

  @Command(name = "history", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "The umbrella release's Helm revisions, with who/when/commit from .factory/operations.jsonl")
  public String history(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = ENV) String environment,
      @Option(longName = "output", defaultValue = "text", description = "text | json") String output,
      @Option(longName = "kubeconfig", defaultValue = "", description = KUBECONFIG) String kubeconfig) {
    boolean json = isJson(output);
    ReleaseHistory history = new Releases(Terminal.progress(false)).history(new ReleaseTarget(repo, environment, kubeconfig));
    return json ? ReleaseFormats.historyJson(history) : ReleaseFormats.historyTable(history);
  }

  @Command(name = "rollback", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "helm rollback of the umbrella release to an existing revision")
  public String rollback(
      @Option(longName = "to", required = true, description = "revision to go back to (see 'factory history')") int revision,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = ENV) String environment,
      @Option(longName = "timeout", defaultValue = "10m", description = "helm --timeout, e.g. 90s, 10m, 1h") String timeout,
      @Option(longName = "no-wait", description = "do not wait for the objects to become ready") boolean noWait,
      @Option(longName = "kubeconfig", defaultValue = "", description = KUBECONFIG) String kubeconfig) {
    Duration helmTimeout = parseTimeout(timeout);
    return new Releases(Terminal.progress(false)).rollback(new RollbackRequest(
        new ReleaseTarget(repo, environment, kubeconfig), revision, helmTimeout, !noWait)).summary();
  }

  @Command(name = "uninstall", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "helm uninstall of the umbrella release (needs --yes)")
  public String uninstall(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = ENV) String environment,
      @Option(longName = "yes", description = "really uninstall: every object of the release is deleted") boolean yes,
      @Option(longName = "kubeconfig", defaultValue = "", description = KUBECONFIG) String kubeconfig) {
    return new Releases(Terminal.progress(false)).uninstall(new ReleaseTarget(repo, environment, kubeconfig), yes)
        .summary();
  }

  static Duration parseTimeout(String text) {
    Matcher matcher = DURATION.matcher(text.strip());
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total = total.plus(switch (matcher.group(2)) {
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      });
      end = matcher.end();
    }
    if (end == 0 || end != text.strip().length() || total.isZero()) {
      throw new UsageException("--timeout",
          "'" + text + "' is not a duration (expected e.g. 90s, 10m, 1h30m)");
    }
    return total;
  }

  private static boolean isJson(String output) {
    if (!output.equals("text") && !output.equals("json")) {
      throw new UsageException("--output: '" + output + "' is not an output format (expected text or json)");
    }
    return output.equals("json");
  }
}
