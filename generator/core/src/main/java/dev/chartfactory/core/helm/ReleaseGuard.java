package dev.chartfactory.core.helm;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks made before changing a release, on what {@code helm status} and {@code helm history}
 * reported, so a refusal comes with the command that fixes it instead of a half-applied upgrade.
 */
public final class ReleaseGuard {

  private ReleaseGuard() {}

  /**
   * Refuses to upgrade a release a previous operation left in {@code pending-*}: Helm would fail
   * with "another operation is in progress", and the way out is a rollback.
   *
   * @throws HelmReleaseStateException naming the state and the rollback that fixes it
   */
  public static void requireNotPending(ReleaseStatus status, List<ReleaseRevision> history) {
    if (!status.pending()) {
      return;
    }
    String fix = lastDeployed(history, status.revision())
        .map(revision -> "factory rollback --to " + revision)
        .orElse("factory uninstall (no earlier revision was ever deployed)");
    throw new HelmReleaseStateException("release " + status.name() + " in namespace "
        + status.namespace() + " is " + status.status() + " at revision " + status.revision()
        + ": an earlier install, upgrade or rollback did not finish, and helm refuses another until"
        + " it is resolved; perhaps you should run '" + fix + "'");
  }

  /**
   * @throws HelmReleaseStateException "revision 9 does not exist (revisions: 1, 2, 3)"
   */
  public static ReleaseRevision requireRevision(List<ReleaseRevision> history, int revision) {
    return history.stream().filter(r -> r.revision() == revision).findFirst()
        .orElseThrow(() -> new HelmReleaseStateException("revision " + revision
            + " does not exist (revisions: " + history.stream()
            .map(r -> Integer.toString(r.revision())).collect(Collectors.joining(", ")) + ")"));
  }

  /** The newest revision before {@code current} that was deployed (now deployed or superseded). */
  public static Optional<Integer> lastDeployed(List<ReleaseRevision> history, int current) {
    return history.stream()
        .filter(r -> r.revision() < current)
        .filter(r -> r.status().equals("deployed") || r.status().equals("superseded"))
        .map(ReleaseRevision::revision)
        .reduce((first, second) -> second);
  }
}
