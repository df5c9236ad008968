package dev.chartfactory.core.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The helm binary for the Helm tests (see {@link dev.chartfactory.core.TestHelm}) and small
 * charts written by them.
 */
final class HelmTestSupport {

  private HelmTestSupport() {}

  static Path helmBinary() {
    return dev.chartfactory.core.TestHelm.binary();
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
