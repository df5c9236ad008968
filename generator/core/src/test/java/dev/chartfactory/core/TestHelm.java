package dev.chartfactory.core;

import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real helm binary for tests: {@code -Dhelm.binary=…} (what make and CI pass), else the
 * locator (HELM, PATH, .tools/helm). Without one the tests are skipped, saying so, except on CI
 * ({@code CI=true}), where a missing helm is a broken build, not a reason to skip.
 */
public final class TestHelm {

  private TestHelm() {}

  public static Path binary() {
    String property = System.getProperty("helm.binary", "");
    if (!property.isBlank()) {
      Path binary = Path.of(property);
      if (!Files.isExecutable(binary)) {
        Assertions.fail("-Dhelm.binary=" + property + " is not an executable file");
      }
      return binary;
    }
    Optional<Path> located = new HelmLocator(TestRepos.projectRoot()).locate();
    if (located.isPresent()) {
      return located.get();
    }
    String message = "no helm binary: pass -Dhelm.binary=$(scripts/install-helm.sh), set HELM,"
        + " or put helm on PATH";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message + " (CI=true, so this fails instead of skipping)");
    }
    Assumptions.abort("Helm tests skipped: " + message);
    throw new AssertionError("unreachable");
  }

  public static HelmCli cli() {
    try {
      return new HelmCli(binary(), Files.createTempDirectory("factory-helm-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
