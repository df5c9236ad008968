package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.ops.OperationLog;
import dev.chartfactory.core.ops.OperationRecord;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.write.RepoLock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Release operations under the repo lock, each outcome appended to the operation log (failed ones
 * included), and the log read back by the revision each operation produced.
 */
final class OperationJournal {

  private final ReleaseContext release;
  private final OperationLog log;
  private final PipelineListener listener;

  OperationJournal(ReleaseContext release, PipelineListener listener) {
    this.release = release;
    this.log = new OperationLog(release.root());
    this.listener = listener;
  }

  /** Runs {@code action} and logs its outcome; the revision is asked of {@code helm} when given. */
  ReleaseResult logged(String operation, String env, HelmCli helm, Supplier<ReleaseResult> action) {
    return run(operation, env, helm, action, true);
  }

  /** A step before the operation proper: only its failure is logged. */
  <T> T beforehand(String operation, String env, Supplier<T> step) {
    return run(operation, env, null, step, false);
  }

  private <T> T run(String operation, String env, HelmCli helm, Supplier<T> action, boolean logSuccess) {
    FactorySpec.UmbrellaSpec umbrella = release.umbrella();
    // Deploys write charts and the log; one at a time per config repo.
    try (RepoLock lock = RepoLock.acquire(log.repoRoot(), operation, listener)) {
      T result = action.get();
      if (logSuccess) {
        log.append(log.record(operation, env, umbrella.name(), umbrella.namespace(), revisionOrNull(helm),
            false, OperationRecord.OK, firstLine(((ReleaseResult) result).summary())));
      }
      return result;
    } catch (RuntimeException e) {
      log.append(log.record(operation, env, umbrella.name(), umbrella.namespace(), revisionOrNull(helm),
          false, OperationRecord.FAILED, firstLine(String.valueOf(e.getMessage()))));
      throw e;
    }
  }

  /** The successful, real operations of this release by the revision they produced; the last wins. */
  Map<Integer, ReleaseOperation> byRevision() {
    return byRevision(log.read(), release.umbrella());
  }

  static Map<Integer, ReleaseOperation> byRevision(List<OperationRecord> entries, FactorySpec.UmbrellaSpec umbrella) {
    Map<Integer, ReleaseOperation> known = new HashMap<>();
    for (OperationRecord entry : entries) {
      if (entry.ok() && !entry.dryRun() && entry.revision() != null && !"uninstall".equals(entry.operation())
          && umbrella.name().equals(entry.release()) && umbrella.namespace().equals(entry.namespace())) {
        known.put(entry.revision(), new ReleaseOperation(entry.operation(), entry.environment(), entry.who(),
            entry.when(), entry.commit()));
      }
    }
    return known;
  }

  private Integer revisionOrNull(HelmCli helm) {
    if (helm == null) {
      return null;
    }
    try {
      FactorySpec.UmbrellaSpec umbrella = release.umbrella();
      return helm.status(umbrella.name(), umbrella.namespace()).revision();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
