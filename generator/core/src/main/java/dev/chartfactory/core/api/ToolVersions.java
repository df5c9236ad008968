package dev.chartfactory.core.api;

import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import dev.chartfactory.core.pipeline.ScratchFolders;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import java.nio.file.Path;

/**
 * The tools and data Chart Factory runs with, for {@code factory version}.
 *
 * @param helm the helm binary's version and path, or why there is none
 * @param schemas the Kubernetes, Gateway API and cert-manager versions manifests are checked against
 */
public record ToolVersions(String helm, String schemas) {

  /** The helm found from the current folder (as a command would find it) and the bundled schemas. */
  public static ToolVersions detect() {
    return new ToolVersions(helmVersion(), ManifestSchemaValidator.SCHEMA_VERSIONS);
  }

  private static String helmVersion() {
    String property = System.getProperty("helm.binary", "");
    Path binary = !property.isBlank() ? Path.of(property)
        : new HelmLocator(Path.of("").toAbsolutePath()).locate().orElse(null);
    if (binary == null) {
      return "not found (set HELM, put helm on PATH, or run scripts/install-helm.sh for "
          + HelmLocator.PINNED_VERSION + ")";
    }
    try {
      return new HelmCli(binary, ScratchFolders.create("factory-helm-")).version() + " (" + binary + ")";
    } catch (RuntimeException e) {
      return "cannot run " + binary + ": " + e.getMessage();
    }
  }
}
