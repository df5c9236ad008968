package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.api.ChartFactory;
import dev.chartfactory.core.api.GenerateRequest;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmReleaseNotFoundException;
import dev.chartfactory.core.helm.HelmRollback;
import dev.chartfactory.core.helm.HelmTemplate;
import dev.chartfactory.core.helm.HelmUpgrade;
import dev.chartfactory.core.helm.ReleaseGuard;
import dev.chartfactory.core.helm.ReleaseRevision;
import dev.chartfactory.core.helm.ReleaseStatus;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.ops.ManifestKinds;
import dev.chartfactory.core.ops.OperationLog;
import dev.chartfactory.core.write.RepoLock;
import dev.chartfactory.core.ops.OperationRecord;
import dev.chartfactory.core.pipeline.HelmBinary;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.pipeline.ScratchFolders;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.spec.RepoLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * {@code deploy}, {@code status}, {@code history}, {@code rollback}, {@code uninstall}: thin
 * wrappers over the Helm CLI for the umbrella release named in {@code factory.yaml}. Every
 * change (and every failed or dry-run attempt) is appended to {@code .factory/operations.jsonl}.
 */
@Component
public class ReleaseCommands {

  private static final Pattern DURATION = Pattern.compile("(\\d+)([hms])");

  @Command(name = "deploy", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "generate-all, helm dependency build, then helm upgrade --install of the umbrella release with values-<env>.yaml")
  public String deploy(
      @Option(longName = "env", required = true, description = "environment whose values-<env>.yaml to install") String environment,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "dry-run", description = "helm template only: list the objects per kind, never contact the cluster") boolean dryRun,
      @Option(longName = "timeout", defaultValue = "10m", description = "helm --timeout, e.g. 90s, 10m, 1h") String timeout,
      @Option(longName = "skip-generate", description = "deploy the charts as they are on disk") boolean skipGenerate,
      @Option(longName = "no-wait", description = "do not wait for the objects to become ready") boolean noWait,
      @Option(longName = "kubeconfig", defaultValue = "", description = "kubeconfig file (default: KUBECONFIG, else ~/.kube/config)") String kubeconfig,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet) {
    Path root = RepoLayout.of(repo).root();
    PipelineListener listener = Terminal.progress(quiet);
    Duration helmTimeout = parseTimeout(timeout);
    DirectorySpecSource source = new DirectorySpecSource(root);
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(source);
    String env = CliArguments.environments(platform, environment).get(0);
    FactorySpec.UmbrellaSpec umbrella = umbrella(platform);
    OperationLog log = new OperationLog(root);
    if (dryRun) {
      // A dry run leaves no trace: nothing in the operation log, nothing written in the repo.
      return dryRun(source, root, env, umbrella, skipGenerate, listener);
    }
    HelmCli helm = logged(log, "deploy", env, umbrella, false, null,
        () -> helm(root, kubeconfig, platform.environment(env).cluster()), false);
    return logged(log, "deploy", env, umbrella, false, helm, () -> {
      // Asked before anything is generated or applied: an unreachable cluster or a stuck
      // release stops the deploy with nothing half done.
      String action = preflight(helm, umbrella);
      if (!skipGenerate) {
        new ChartFactory(listener).generate(GenerateRequest.all(root.toString(), false, false).writingTo(root));
      }
      Path chart = umbrellaChart(root);
      Path values = valuesFile(chart, env);
      listener.progress("deploy", "helm dependency build " + root.relativize(chart));
      helm.dependencyBuild(chart);
      listener.progress("deploy", "helm upgrade --install " + umbrella.name() + " -n " + umbrella.namespace()
          + " -f " + root.relativize(values));
      HelmUpgrade.of(chart, umbrella.name(), umbrella.namespace()).values(List.of(values))
          .waitUntilReady(!noWait).timeout(helmTimeout).run(helm);
      ReleaseStatus after = helm.status(umbrella.name(), umbrella.namespace());
      return action + " " + umbrella.name() + " in namespace " + umbrella.namespace() + " with " + env
          + ": revision " + after.revision() + ", " + after.status();
    });
  }

  @Command(name = "status", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "helm status of the umbrella release, with who deployed its revision and from which commit")
  public String status(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = "environment whose cluster to ask (its cluster: in environments/<env>.yaml; default: the current kube context)") String environment,
      @Option(longName = "output", defaultValue = "text", description = "text | json") String output,
      @Option(longName = "kubeconfig", defaultValue = "", description = "kubeconfig file (default: KUBECONFIG, else ~/.kube/config)") String kubeconfig) {
    Path root = RepoLayout.of(repo).root();
    FactorySpec.UmbrellaSpec umbrella = umbrella(root);
    requireTextOrJson(output);
    ReleaseStatus status = helm(root, kubeconfig, cluster(root, environment)).status(umbrella.name(), umbrella.namespace());
    if (output.equals("json")) {
      return ReleaseFormats.status(status, byRevision(new OperationLog(root).read(), umbrella).get(status.revision()));
    }
    StringBuilder out = new StringBuilder("release " + status.name() + " in namespace " + status.namespace()
        + ": " + status.status() + ", revision " + status.revision()
        + (status.description().isBlank() ? "" : " (" + status.description() + ")"));
    OperationRecord entry = byRevision(new OperationLog(root).read(), umbrella).get(status.revision());
    if (entry != null) {
      out.append("\n").append(entry.operation()).append(entry.environment() == null ? "" : " --env " + entry.environment())
          .append(" by ").append(entry.who()).append(" at ").append(entry.when())
          .append(entry.commit() == null ? "" : " from commit " + shortCommit(entry.commit()));
    }
    return out.toString();
  }

  @Command(name = "history", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "The umbrella release's Helm revisions, with who/when/commit from .factory/operations.jsonl")
  public String history(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = "environment whose cluster to ask (its cluster: in environments/<env>.yaml; default: the current kube context)") String environment,
      @Option(longName = "output", defaultValue = "text", description = "text | json") String output,
      @Option(longName = "kubeconfig", defaultValue = "", description = "kubeconfig file (default: KUBECONFIG, else ~/.kube/config)") String kubeconfig) {
    Path root = RepoLayout.of(repo).root();
    FactorySpec.UmbrellaSpec umbrella = umbrella(root);
    requireTextOrJson(output);
    List<ReleaseRevision> revisions = helm(root, kubeconfig, cluster(root, environment)).history(umbrella.name(), umbrella.namespace());
    if (output.equals("json")) {
      return ReleaseFormats.history(umbrella.name(), umbrella.namespace(), revisions,
          byRevision(new OperationLog(root).read(), umbrella));
    }
    return historyTable(revisions, new OperationLog(root).read(), umbrella);
  }

  @Command(name = "rollback", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "helm rollback of the umbrella release to an existing revision")
  public String rollback(
      @Option(longName = "to", required = true, description = "revision to go back to (see 'factory history')") int revision,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = "environment whose cluster to ask (its cluster: in environments/<env>.yaml; default: the current kube context)") String environment,
      @Option(longName = "timeout", defaultValue = "10m", description = "helm --timeout, e.g. 90s, 10m, 1h") String timeout,
      @Option(longName = "no-wait", description = "do not wait for the objects to become ready") boolean noWait,
      @Option(longName = "kubeconfig", defaultValue = "", description = "kubeconfig file (default: KUBECONFIG, else ~/.kube/config)") String kubeconfig) {
    Path root = RepoLayout.of(repo).root();
    Duration helmTimeout = parseTimeout(timeout);
    FactorySpec.UmbrellaSpec umbrella = umbrella(root);
    OperationLog log = new OperationLog(root);
    HelmCli helm = logged(log, "rollback", environment, umbrella, false, null,
        () -> helm(root, kubeconfig, cluster(root, environment)), false);
    return logged(log, "rollback", environment, umbrella, false, helm, () -> {
      List<ReleaseRevision> history = helm.history(umbrella.name(), umbrella.namespace());
      ReleaseGuard.requireRevision(history, revision);
      HelmRollback.of(umbrella.name(), revision, umbrella.namespace()).waitUntilReady(!noWait)
          .timeout(helmTimeout).run(helm);
      ReleaseStatus after = helm.status(umbrella.name(), umbrella.namespace());
      return "rolled back " + umbrella.name() + " in namespace " + umbrella.namespace() + " to revision "
          + revision + ": now revision " + after.revision() + ", " + after.status();
    });
  }

  @Command(name = "uninstall", group = "Cluster", exitStatusExceptionMapper = "factoryExceptions",
      description = "helm uninstall of the umbrella release (needs --yes)")
  public String uninstall(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = "environment whose cluster to ask (its cluster: in environments/<env>.yaml; default: the current kube context)") String environment,
      @Option(longName = "yes", description = "really uninstall: every object of the release is deleted") boolean yes,
      @Option(longName = "kubeconfig", defaultValue = "", description = "kubeconfig file (default: KUBECONFIG, else ~/.kube/config)") String kubeconfig) {
    Path root = RepoLayout.of(repo).root();
    FactorySpec.UmbrellaSpec umbrella = umbrella(root);
    HelmCli helm = helm(root, kubeconfig, cluster(root, environment));
    if (!yes) {
      ReleaseStatus status = helm.status(umbrella.name(), umbrella.namespace());
      throw new UsageException("--yes",
          "would uninstall release " + status.name() + " in namespace " + status.namespace() + " (revision "
              + status.revision() + ", " + status.status() + ") and delete all its objects; re-run with --yes");
    }
    return logged(new OperationLog(root), "uninstall", environment, umbrella, false, null, () -> {
      ReleaseStatus status = helm.status(umbrella.name(), umbrella.namespace());
      helm.uninstall(umbrella.name(), umbrella.namespace());
      return "uninstalled " + umbrella.name() + " from namespace " + umbrella.namespace() + " (was revision "
          + status.revision() + ")";
    });
  }

  private static String dryRun(DirectorySpecSource source, Path root, String env,
      FactorySpec.UmbrellaSpec umbrella, boolean skipGenerate, PipelineListener listener) {
    // The charts go to a scratch folder, so a dry run leaves the config repo as it was (helm
    // dependency build would write umbrella-chart/charts/ and Chart.lock).
    Path work = ScratchFolders.create("factory-deploy-dry-run-");
    try {
      if (skipGenerate) {
        copyTree(root.resolve(RepoLayout.CHARTS), work.resolve(RepoLayout.CHARTS));
        copyTree(umbrellaChart(root), work.resolve(RepoLayout.UMBRELLA_CHART));
      } else {
        new ChartFactory(listener).generate(GenerateRequest.all(root.toString(), false, false).writingTo(work));
      }
      return template(root, work, env, umbrella);
    } finally {
      dev.chartfactory.core.validate.ChartWorkspace.deleteQuietly(work);
    }
  }

  private static void copyTree(Path from, Path to) {
    if (!java.nio.file.Files.isDirectory(from)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (java.nio.file.Files.isDirectory(path)) {
          java.nio.file.Files.createDirectories(target);
        } else if (java.nio.file.Files.isRegularFile(path)) {
          java.nio.file.Files.copy(path, target);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot copy " + from + " for the dry run", e);
    }
  }

  private static String template(Path root, Path work, String env, FactorySpec.UmbrellaSpec umbrella) {
    HelmCli helm = HelmBinary.forRepo(root);
    Path chart = umbrellaChart(work);
    Path values = valuesFile(chart, env);
    helm.dependencyBuild(chart);
    String manifests = HelmTemplate.of(chart, umbrella.name(), umbrella.namespace()).values(List.of(values))
        .run(helm);
    SortedMap<String, Integer> kinds = ManifestKinds.count(manifests);
    StringBuilder out = new StringBuilder("dry run: helm upgrade --install " + umbrella.name() + " -n "
        + umbrella.namespace() + " -f values-" + env + ".yaml would apply "
        + kinds.values().stream().mapToInt(Integer::intValue).sum() + " objects (cluster not contacted):\n");
    kinds.forEach((kind, count) -> out.append(String.format("  %-28s %d%n", kind, count)));
    return out.toString().stripTrailing();
  }

  /** "install" for a first deploy, "upgrade" otherwise; refuses a release stuck in pending-*. */
  private static String preflight(HelmCli helm, FactorySpec.UmbrellaSpec umbrella) {
    try {
      ReleaseStatus status = helm.status(umbrella.name(), umbrella.namespace());
      if (status.pending()) {
        ReleaseGuard.requireNotPending(status, helm.history(umbrella.name(), umbrella.namespace()));
      }
      return "upgraded";
    } catch (HelmReleaseNotFoundException e) {
      return "installed";
    }
  }

  /** Runs {@code operation} and appends its outcome to the log, failed ones included. */
  private static String logged(OperationLog log, String operation, String env, FactorySpec.UmbrellaSpec umbrella,
      boolean dryRun, HelmCli helm, Supplier<String> action) {
    return logged(log, operation, env, umbrella, dryRun, helm, action, true);
  }

  /** With {@code logSuccess} false only a failure is logged: a step before the operation proper. */
  private static <T> T logged(OperationLog log, String operation, String env, FactorySpec.UmbrellaSpec umbrella,
      boolean dryRun, HelmCli helm, Supplier<T> action, boolean logSuccess) {
    // Deploys write charts and the log; one at a time per config repo.
    try (RepoLock lock = RepoLock.acquire(log.repoRoot(), operation, Terminal.progress(false))) {
      T result = action.get();
      if (logSuccess) {
        Integer revision = dryRun || helm == null ? null : revisionOrNull(helm, umbrella);
        log.append(log.record(operation, env, umbrella.name(), umbrella.namespace(), revision, dryRun,
            OperationRecord.OK, firstLine(String.valueOf(result))));
      }
      return result;
    } catch (RuntimeException e) {
      Integer revision = dryRun || helm == null ? null : revisionOrNull(helm, umbrella);
      log.append(log.record(operation, env, umbrella.name(), umbrella.namespace(), revision, dryRun,
          OperationRecord.FAILED, firstLine(String.valueOf(e.getMessage()))));
      throw e;
    }
  }

  private static Integer revisionOrNull(HelmCli helm, FactorySpec.UmbrellaSpec umbrella) {
    try {
      return helm.status(umbrella.name(), umbrella.namespace()).revision();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String historyTable(List<ReleaseRevision> revisions, List<OperationRecord> log,
      FactorySpec.UmbrellaSpec umbrella) {
    Map<Integer, OperationRecord> known = byRevision(log, umbrella);
    StringBuilder out = new StringBuilder(String.format("%-8s %-20s %-16s %-22s %-12s %-20s %-12s %s%n",
        "REVISION", "UPDATED", "STATUS", "CHART", "WHO", "WHEN", "COMMIT", "DESCRIPTION"));
    for (ReleaseRevision revision : revisions) {
      OperationRecord entry = known.get(revision.revision());
      out.append(String.format("%-8d %-20s %-16s %-22s %-12s %-20s %-12s %s%n", revision.revision(),
          abbreviateTime(revision.updated()), revision.status(), revision.chart(),
          entry == null ? "-" : entry.who(), entry == null ? "-" : entry.when(),
          entry == null || entry.commit() == null ? "-" : shortCommit(entry.commit()),
          revision.description()));
    }
    return out.toString().stripTrailing();
  }

  /** The successful, real operations of this release by the revision they produced; the last wins. */
  private static Map<Integer, OperationRecord> byRevision(List<OperationRecord> log, FactorySpec.UmbrellaSpec umbrella) {
    Map<Integer, OperationRecord> known = new HashMap<>();
    for (OperationRecord entry : log) {
      if (entry.ok() && !entry.dryRun() && entry.revision() != null && !"uninstall".equals(entry.operation())
          && umbrella.name().equals(entry.release()) && umbrella.namespace().equals(entry.namespace())) {
        known.put(entry.revision(), entry);
      }
    }
    return known;
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

  /**
   * Helm for the environment's cluster: its kube context, and its kubeconfig unless
   * {@code --kubeconfig} names another file.
   */
  private static HelmCli helm(Path root, String kubeconfig, EnvironmentSpec.ClusterSpec cluster) {
    HelmCli helm = HelmBinary.forRepo(root).withKubeContext(cluster.contextOrNull());
    String file = !GenerateCommands.isBlank(kubeconfig) ? kubeconfig : cluster.kubeconfig();
    if (file == null) {
      return helm;
    }
    return helm.withKubeconfig(file.startsWith("~/") ? Path.of(System.getProperty("user.home"), file.substring(2))
        : Path.of(file));
  }

  private static void requireTextOrJson(String output) {
    if (!output.equals("text") && !output.equals("json")) {
      throw new UsageException("--output: '" + output + "' is not an output format (expected text or json)");
    }
  }

  /** The cluster of {@code --env}, or the current kube context without it. */
  private static EnvironmentSpec.ClusterSpec cluster(Path root, String environment) {
    if (environment == null) {
      return EnvironmentSpec.ClusterSpec.CURRENT;
    }
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(root));
    return platform.environment(CliArguments.environments(platform, environment).get(0)).cluster();
  }

  private static FactorySpec.UmbrellaSpec umbrella(Path root) {
    return umbrella(new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(root)));
  }

  private static FactorySpec.UmbrellaSpec umbrella(ResolvedPlatform platform) {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
    String name = umbrella == null || GenerateCommands.isBlank(umbrella.name()) ? "platform" : umbrella.name();
    String namespace = umbrella == null || GenerateCommands.isBlank(umbrella.namespace()) ? "platform" : umbrella.namespace();
    return new FactorySpec.UmbrellaSpec(name, namespace, umbrella == null ? null : umbrella.version());
  }

  private static Path umbrellaChart(Path root) {
    Path chart = root.resolve(RepoLayout.UMBRELLA_CHART);
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(RepoLayout.UMBRELLA_CHART + "/Chart.yaml"), "",
          "not found (expected generated charts; run 'factory generate-all' first, or drop --skip-generate)"));
    }
    return chart;
  }

  private static Path valuesFile(Path chart, String env) {
    Path values = chart.resolve("values-" + env + ".yaml");
    if (!Files.isRegularFile(values)) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(RepoLayout.umbrellaValues(env)), "",
          "not found (run 'factory generate-all', or drop --skip-generate)"));
    }
    return values;
  }

  private static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private static String abbreviateTime(String updated) {
    return updated.length() > 19 ? updated.substring(0, 19) : updated;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
