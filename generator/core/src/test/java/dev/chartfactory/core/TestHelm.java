package dev.chartfactory.core;

import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real helm binary for tests: {@code -Dhelm.binary=…} (what make and CI pass), else the
 * locator. Missing helm fails the build under CI and skips, saying why, elsewhere.
 */
public final class TestHelm {

  private TestHelm() {}

  public static HelmCli cli() {
    String property = System.getProperty("helm.binary", "");
    Optional<Path> binary = !property.isBlank() ? Optional.of(Path.of(property))
        : new HelmLocator(TestRepos.projectRoot()).locate();
    if (binary.isEmpty()) {
      String message = "no helm binary: run scripts/install-helm.sh or pass -Dhelm.binary=PATH";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.abort(message);
    }
    try {
      return new HelmCli(binary.get(), Files.createTempDirectory("factory-helm-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
