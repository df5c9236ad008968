package dev.chartfactory.core.pipeline;

import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import java.nio.file.Path;

/** The helm binary Chart Factory runs: -Dhelm.binary (tests, scripts), else HELM, PATH, .tools/helm. */
public final class HelmBinary {

  private HelmBinary() {}

  /** @throws dev.chartfactory.core.helm.HelmException when none is found, saying how to get one */
  public static HelmCli forRepo(Path repoRoot) {
    String property = System.getProperty("helm.binary", "");
    Path binary = !property.isBlank() ? Path.of(property) : new HelmLocator(repoRoot).require();
    return new HelmCli(binary, ScratchFolders.create("factory-helm-"));
  }
}
