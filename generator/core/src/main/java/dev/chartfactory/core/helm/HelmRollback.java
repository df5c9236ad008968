package dev.chartfactory.core.helm;

import java.time.Duration;

/**
 * {@code helm rollback RELEASE REVISION}, e.g.
 * {@code HelmRollback.of("platform", 3, "platform").waitUntilReady(true).timeout(tenMinutes).run(helm)}.
 */
public record HelmRollback(String release, int revision, String namespace, boolean waitUntilReady,
    Duration timeout) {

  public static HelmRollback of(String release, int revision, String namespace) {
    return new HelmRollback(release, revision, namespace, true, HelmCli.DEFAULT_TIMEOUT);
  }

  public HelmRollback waitUntilReady(boolean wait) {
    return new HelmRollback(release, revision, namespace, wait, timeout);
  }

  public HelmRollback timeout(Duration helmTimeout) {
    return new HelmRollback(release, revision, namespace, waitUntilReady, helmTimeout);
  }

  /** helm's report. */
  public String run(HelmCli helm) {
    return helm.rollback(release, revision, namespace, waitUntilReady, timeout);
  }
}
