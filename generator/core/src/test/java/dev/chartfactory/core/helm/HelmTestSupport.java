package dev.chartfactory.core.helm;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real helm the Helm tests run: {@code -Dhelm.binary} if given, else {@link
 * HelmLocator} from the repo root. Without one the tests are skipped, saying so, except on CI
 * ({@code CI=true}), where a missing helm is a broken build, not a reason to skip.
 */
final class HelmTestSupport {

  private HelmTestSupport() {}

  static Path helmBinary() {
    String property = System.getProperty("helm.binary", "");
    if (!property.isBlank()) {
      Path binary = Path.of(property);
      if (!Files.isExecutable(binary)) {
        fail("-Dhelm.binary=" + property + " is not an executable file");
      }
      return binary;
    }
    Optional<Path> located = new HelmLocator(repoRoot()).locate();
    if (located.isPresent()) {
      return located.get();
    }
    String message = "no helm binary: pass -Dhelm.binary=$(scripts/install-helm.sh), set HELM,"
        + " or put helm on PATH";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true, so this fails instead of skipping)");
    }
    Assumptions.abort("Helm tests skipped: " + message);
    throw new AssertionError("unreachable");
  }

  /** The checkout root: the nearest ancestor of the working directory holding scripts/. */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve("scripts/install-helm.sh"))) {
        return candidate;
      }
    }
    return dir;
  }

  /**
   * Writes a tiny chart: one ConfigMap whose data comes from values, so tests can see values
   * files and {@code --set} take effect.
   */
  static Path writeChart(Path parent, String name) throws IOException {
    Path chart = parent.resolve(name);
    write(chart.resolve("Chart.yaml"), """
        apiVersion: v2
        name: %s
        description: A chart written by a test
        version: 0.1.0
        """.formatted(name));
    write(chart.resolve("values.yaml"), """
        greeting: hello
        replicas: 1
        """);
    write(chart.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
          namespace: {{ .Release.Namespace }}
        data:
          greeting: {{ .Values.greeting | quote }}
          replicas: {{ .Values.replicas | quote }}
        """);
    return chart;
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
