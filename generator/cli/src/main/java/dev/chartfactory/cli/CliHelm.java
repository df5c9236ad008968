package dev.chartfactory.cli;

import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import java.nio.file.Path;

/** The helm binary the CLI runs: -Dhelm.binary (tests, scripts), else HELM, PATH, .tools/helm. */
final class CliHelm {

  private CliHelm() {}

  /** @throws dev.chartfactory.core.helm.HelmException when none is found, saying how to get one */
  static HelmCli forRepo(Path repoRoot) {
    String property = System.getProperty("helm.binary", "");
    Path binary = !property.isBlank() ? Path.of(property) : new HelmLocator(repoRoot).require();
    return new HelmCli(binary, ScratchFolders.create("factory-helm-"));
  }
}
