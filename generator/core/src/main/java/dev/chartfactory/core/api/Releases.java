package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmReleaseNotFoundException;
import dev.chartfactory.core.helm.HelmRollback;
import dev.chartfactory.core.helm.HelmUpgrade;
import dev.chartfactory.core.helm.ReleaseGuard;
import dev.chartfactory.core.helm.ReleaseRevision;
import dev.chartfactory.core.helm.ReleaseStatus;
import dev.chartfactory.core.ops.OperationLog;
import dev.chartfactory.core.spec.FactorySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The umbrella release in a cluster: deploy, status, history, rollback and uninstall through the
 * Helm CLI, for the release named in {@code factory.yaml}. Every change (and every failed attempt)
 * is appended to the operation log, {@code .factory/operations.jsonl}, one at a time per config
 * repo; status and history join Helm's view with that log's who/when/commit.
 *
 * <pre>{@code
 * Releases releases = new Releases(PipelineListener.SILENT);
 * ReleaseResult deployed = releases.deploy(new DeployRequest(
 *     new ReleaseTarget(".", "dev", ""), false, false, Duration.ofMinutes(10), true));
 * ReleaseHistory history = releases.history(new ReleaseTarget(".", "dev", ""));
 * }</pre>
 *
 * <p>Every failure is a {@code FactoryException}: Helm's say Helm failure, a stuck or unknown
 * release says so with the command that fixes it.
 */
public final class Releases {

  private final PipelineListener listener;

  public Releases(PipelineListener listener) {
    this.listener = listener;
  }

  /**
   * Generates the charts (unless asked not to), then installs or upgrades the umbrella release
   * with {@code values-<env>.yaml}; a dry run renders into a scratch folder instead and leaves no
   * trace. Asks the cluster first, so an unreachable cluster or a stuck release stops the deploy
   * with nothing generated or applied.
   */
  public ReleaseResult deploy(DeployRequest request) {
    ReleaseContext release = ReleaseContext.of(request.target(), true);
    if (request.dryRun()) {
      return new DeployDryRun(release, listener).run(request.skipGenerate());
    }
    String env = release.environment();
    OperationJournal journal = new OperationJournal(release, listener);
    HelmCli helm = journal.beforehand("deploy", env, release::helm);
    return journal.logged("deploy", env, helm, () -> {
      String action = preflight(helm, release.umbrella());
      Path root = release.root();
      if (!request.skipGenerate()) {
        new ChartFactory(listener).generate(GenerateRequest.all(root.toString(), false, false).writingTo(root));
      }
      Path chart = release.umbrellaChart(root);
      Path values = release.valuesFile(chart);
      FactorySpec.UmbrellaSpec umbrella = release.umbrella();
      listener.progress("deploy", "helm dependency build " + root.relativize(chart));
      helm.dependencyBuild(chart);
      listener.progress("deploy", "helm upgrade --install " + umbrella.name() + " -n " + umbrella.namespace()
          + " -f " + root.relativize(values));
      HelmUpgrade.of(chart, umbrella.name(), umbrella.namespace()).values(List.of(values))
          .waitUntilReady(request.waitUntilReady()).timeout(request.timeout()).run(helm);
      ReleaseStatus after = helm.status(umbrella.name(), umbrella.namespace());
      return ReleaseResult.of(action + " " + umbrella.name() + " in namespace " + umbrella.namespace() + " with "
          + env + ": revision " + after.revision() + ", " + after.status());
    });
  }

  /** {@code helm status} of the release, with who made its current revision and from which commit. */
  public ReleaseState status(ReleaseTarget target) {
    ReleaseContext release = ReleaseContext.of(target, false);
    FactorySpec.UmbrellaSpec umbrella = release.umbrella();
    ReleaseStatus status = release.helm().status(umbrella.name(), umbrella.namespace());
    ReleaseOperation operation = new OperationJournal(release, listener).byRevision().get(status.revision());
    return new ReleaseState(status.name(), status.namespace(), status.revision(), status.status(),
        status.description(), operation);
  }

  /** The release's Helm revisions, each with who made it, when and from which commit. */
  public ReleaseHistory history(ReleaseTarget target) {
    ReleaseContext release = ReleaseContext.of(target, false);
    FactorySpec.UmbrellaSpec umbrella = release.umbrella();
    List<ReleaseRevision> revisions = release.helm().history(umbrella.name(), umbrella.namespace());
    Map<Integer, ReleaseOperation> operations = new OperationJournal(release, listener).byRevision();
    List<ReleaseHistory.Revision> joined = new ArrayList<>();
    for (ReleaseRevision revision : revisions) {
      joined.add(new ReleaseHistory.Revision(revision.revision(), revision.updated(), revision.status(),
          revision.chart(), revision.appVersion(), revision.description(), operations.get(revision.revision())));
    }
    return new ReleaseHistory(umbrella.name(), umbrella.namespace(), joined);
  }

  /** {@code helm rollback} to a revision the release has; refuses one it does not have. */
  public ReleaseResult rollback(RollbackRequest request) {
    ReleaseContext release = ReleaseContext.of(request.target(), false);
    FactorySpec.UmbrellaSpec umbrella = release.umbrella();
    String env = request.target().environment();
    OperationJournal journal = new OperationJournal(release, listener);
    HelmCli helm = journal.beforehand("rollback", env, release::helm);
    return journal.logged("rollback", env, helm, () -> {
      List<ReleaseRevision> history = helm.history(umbrella.name(), umbrella.namespace());
      ReleaseGuard.requireRevision(history, request.revision());
      HelmRollback.of(umbrella.name(), request.revision(), umbrella.namespace())
          .waitUntilReady(request.waitUntilReady()).timeout(request.timeout()).run(helm);
      ReleaseStatus after = helm.status(umbrella.name(), umbrella.namespace());
      return ReleaseResult.of("rolled back " + umbrella.name() + " in namespace " + umbrella.namespace()
          + " to revision " + request.revision() + ": now revision " + after.revision() + ", " + after.status());
    });
  }

  /**
   * {@code helm uninstall} of the release, deleting every object of it. Without
   * {@code confirmed} nothing is deleted: a usage error says what would be.
   */
  public ReleaseResult uninstall(ReleaseTarget target, boolean confirmed) {
    ReleaseContext release = ReleaseContext.of(target, false);
    FactorySpec.UmbrellaSpec umbrella = release.umbrella();
    HelmCli helm = release.helm();
    if (!confirmed) {
      ReleaseStatus status = helm.status(umbrella.name(), umbrella.namespace());
      throw new UsageException("--yes",
          "would uninstall release " + status.name() + " in namespace " + status.namespace() + " (revision "
              + status.revision() + ", " + status.status() + ") and delete all its objects; re-run with --yes");
    }
    return new OperationJournal(release, listener).logged("uninstall", target.environment(), null, () -> {
      ReleaseStatus status = helm.status(umbrella.name(), umbrella.namespace());
      helm.uninstall(umbrella.name(), umbrella.namespace());
      return ReleaseResult.of("uninstalled " + umbrella.name() + " from namespace " + umbrella.namespace()
          + " (was revision " + status.revision() + ")");
    });
  }

  /** "installed" for a first deploy, "upgraded" otherwise; refuses a release stuck in pending-*. */
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
}
