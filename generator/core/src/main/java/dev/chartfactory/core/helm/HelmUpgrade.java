package dev.chartfactory.core.helm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code helm upgrade --install --create-namespace}: installs the release or upgrades it, e.g.
 * {@code HelmUpgrade.of(chart, "platform", "platform").values(files).waitUntilReady(true).run(helm)}.
 *
 * @param waitUntilReady {@code --wait}: return only when the release's objects are ready
 * @param timeout helm's own {@code --timeout} (the process gets a minute more)
 * @param serverDryRun {@code --dry-run=server}: the API server checks the objects, nothing changes
 */
public record HelmUpgrade(Path chart, String release, String namespace, List<Path> valuesFiles,
    boolean waitUntilReady, Duration timeout, boolean serverDryRun) {

  public HelmUpgrade {
    valuesFiles = List.copyOf(valuesFiles);
  }

  public static HelmUpgrade of(Path chart, String release, String namespace) {
    return new HelmUpgrade(chart, release, namespace, List.of(), true, HelmCli.DEFAULT_TIMEOUT, false);
  }

  public HelmUpgrade values(List<Path> files) {
    return new HelmUpgrade(chart, release, namespace, files, waitUntilReady, timeout, serverDryRun);
  }

  public HelmUpgrade waitUntilReady(boolean wait) {
    return new HelmUpgrade(chart, release, namespace, valuesFiles, wait, timeout, serverDryRun);
  }

  public HelmUpgrade timeout(Duration helmTimeout) {
    return new HelmUpgrade(chart, release, namespace, valuesFiles, waitUntilReady, helmTimeout, serverDryRun);
  }

  public HelmUpgrade serverDryRun(boolean dryRun) {
    return new HelmUpgrade(chart, release, namespace, valuesFiles, waitUntilReady, timeout, dryRun);
  }

  /** helm's report. */
  public String run(HelmCli helm) {
    return helm.upgradeInstall(chart, release, namespace, valuesFiles, waitUntilReady, timeout, serverDryRun);
  }
}
