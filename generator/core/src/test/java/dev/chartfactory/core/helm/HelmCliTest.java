package dev.chartfactory.core.helm;

import static dev.chartfactory.core.helm.HelmTestSupport.helmBinary;
import static dev.chartfactory.core.helm.HelmTestSupport.write;
import static dev.chartfactory.core.helm.HelmTestSupport.writeChart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real helm binary against charts written into a temp dir. */
class HelmCliTest {

  @TempDir Path tmp;

  private HelmCli helm;

  @BeforeEach
  void findHelm() {
    helm = new HelmCli(helmBinary(), tmp.resolve("helm-work"));
  }

  @Test
  void version_reportsHelm3OrNewer() {
    assertThat(helm.version()).matches("v[34]\\.\\d+\\.\\d+.*");
  }

  @Test
  void lint_whenChartIsValid_returnsReport() throws IOException {
    Path chart = writeChart(tmp, "tiny");

    String report = helm.lint(chart, List.of(), true);

    assertThat(report).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  @Test
  void lint_whenStrictAndChartHasWarning_failsWithHelmsReport() throws IOException {
    // Given a chart whose only problem is a deprecated API, which helm reports as a warning
    Path chart = writeChart(tmp, "deprecated");
    write(chart.resolve("templates/hpa.yaml"), """
        apiVersion: autoscaling/v2beta2
        kind: HorizontalPodAutoscaler
        metadata:
          name: {{ .Release.Name }}
        spec:
          scaleTargetRef: {kind: Deployment, name: web}
          maxReplicas: 2
        """);

    // Then lint passes without --strict and fails with it, quoting the warning
    assertThat(helm.lint(chart, List.of(), false)).contains("[WARNING]");
    assertThatThrownBy(() -> helm.lint(chart, List.of(), true))
        .isInstanceOf(HelmException.class)
        .hasMessageContaining("lint")
        .hasMessageContaining("--strict")
        .hasMessageContaining("failed (exit 1)")
        .hasMessageContaining("1 chart(s) failed")
        .hasMessageContaining("autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated");
  }

  @Test
  void template_rendersValuesReleaseAndNamespace() throws IOException {
    Path chart = writeChart(tmp, "tiny");

    String yaml = helm.template(chart, "shop", "platform", List.of(), Map.of());

    assertThat(yaml)
        .contains("kind: ConfigMap")
        .contains("name: shop-config")
        .contains("namespace: platform")
        .contains("greeting: \"hello\"");
  }

  @Test
  void template_withSetValues_changesOutput() throws IOException {
    Path chart = writeChart(tmp, "tiny");

    String yaml = helm.template(chart, "shop", "platform", List.of(),
        Map.of("greeting", "bonjour", "replicas", "3"));

    assertThat(yaml).contains("greeting: \"bonjour\"").contains("replicas: \"3\"")
        .doesNotContain("hello");
  }

  @Test
  void template_withValuesFiles_laterFilesWin() throws IOException {
    Path chart = writeChart(tmp, "tiny");
    Path dev = write(tmp.resolve("values-dev.yaml"), "greeting: hi-dev\nreplicas: 2\n");
    Path override = write(tmp.resolve("override.yaml"), "greeting: hi-override\n");

    String yaml = helm.template(chart, "shop", "dev", List.of(dev, override), Map.of());

    assertThat(yaml).contains("greeting: \"hi-override\"").contains("replicas: \"2\"");
  }

  @Test
  void template_whenTemplateIsBroken_throwsWithHelmsError() throws IOException {
    Path chart = writeChart(tmp, "broken");
    write(chart.resolve("templates/bad.yaml"), "value: {{ .Values.greeting | nosuchfunc }}\n");

    assertThatThrownBy(() -> helm.template(chart, "shop", "platform", List.of(), Map.of()))
        .isInstanceOf(HelmException.class)
        .hasMessageContaining(helm.binary() + " template shop " + chart)
        .hasMessageContaining("failed (exit 1)")
        .hasMessageContaining("function \"nosuchfunc\" not defined")
        .satisfies(e -> assertThat(((HelmException) e).stderr()).contains("nosuchfunc"));
  }

  @Test
  void template_whenOutputIsLarge_readsItAll() throws IOException {
    // Far beyond a pipe's buffer: reading stdout and stderr one after the other would hang.
    Path chart = writeChart(tmp, "big");
    write(chart.resolve("templates/many.yaml"), """
        {{- range $i := until 5000 }}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cm-{{ $i }}
        data:
          filler: {{ repeat 200 "x" | quote }}
        {{- end }}
        """);

    String yaml = helm.template(chart, "shop", "platform", List.of(), Map.of());

    assertThat(yaml.length()).isGreaterThan(1_000_000);
    assertThat(yaml).contains("name: cm-0").contains("name: cm-4999");
  }

  @Test
  void template_whenHelmRunsPastTimeout_stopsItAndSaysSo() throws IOException {
    // Given a template that would loop for hours
    Path chart = writeChart(tmp, "slow");
    write(chart.resolve("templates/slow.yaml"),
        "{{- range $i := until 100000 }}{{- range $j := until 100000 }}{{- end }}{{- end }}\n");
    HelmCli impatient = helm.withTimeout(Duration.ofMillis(500));

    long start = System.nanoTime();
    assertThatThrownBy(() -> impatient.template(chart, "shop", "platform", List.of(), Map.of()))
        .isInstanceOf(HelmException.class)
        .hasMessageContaining(" template shop ")
        .hasMessageContaining("timed out after 500 ms");
    // helm ignores SIGTERM while rendering, so this also shows it was killed
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void dependencyUpdateAndBuild_packFileDependenciesIntoCharts() throws IOException {
    // Given an umbrella chart with a file:// dependency, as the umbrella stage writes them
    writeChart(tmp.resolve("charts-src"), "shop");
    Path umbrella = tmp.resolve("umbrella");
    write(umbrella.resolve("Chart.yaml"), """
        apiVersion: v2
        name: platform
        version: 0.1.0
        dependencies:
          - name: shop
            version: 0.1.0
            repository: file://../charts-src/shop
            condition: shop.enabled
        """);
    write(umbrella.resolve("values.yaml"), "shop:\n  enabled: true\n");

    helm.dependencyUpdate(umbrella);
    assertThat(umbrella.resolve("Chart.lock")).exists();
    assertThat(umbrella.resolve("charts/shop-0.1.0.tgz")).exists();

    Files.delete(umbrella.resolve("charts/shop-0.1.0.tgz"));
    helm.dependencyBuild(umbrella);
    assertThat(umbrella.resolve("charts/shop-0.1.0.tgz")).exists();

    assertThat(helm.template(umbrella, "platform", "platform", List.of(), Map.of()))
        .contains("name: platform-config");
  }

  @Test
  void packageChart_returnsTheArchiveItWrote() throws IOException {
    Path chart = writeChart(tmp, "tiny");

    Path archive = helm.packageChart(chart, tmp.resolve("dist/charts"));

    assertThat(archive).isEqualTo(tmp.resolve("dist/charts/tiny-0.1.0.tgz")).isRegularFile();
  }

  @Test
  void version_isAskedOncePerBinary_andAgainWhenTheBinaryChanges() throws IOException {
    Path calls = tmp.resolve("calls");
    Path wrapper = tmp.resolve("wrapped/helm");
    Files.createDirectories(wrapper.getParent());
    String script = "#!/bin/sh\necho called >> '" + calls + "'\necho v3.99.%s\n";
    Files.writeString(wrapper, script.formatted("1"));
    wrapper.toFile().setExecutable(true);

    assertThat(new HelmCli(wrapper, tmp.resolve("w1")).version()).isEqualTo("v3.99.1");
    assertThat(new HelmCli(wrapper, tmp.resolve("w2")).version()).isEqualTo("v3.99.1");
    assertThat(Files.readAllLines(calls)).hasSize(1);

    // An upgrade in place: other bytes (size) and another modification time.
    Files.writeString(wrapper, script.formatted("20"));
    Files.setLastModifiedTime(wrapper, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(wrapper).toMillis() + 5_000));
    assertThat(new HelmCli(wrapper, tmp.resolve("w3")).version()).isEqualTo("v3.99.20");
    assertThat(Files.readAllLines(calls)).hasSize(2);
  }

  @Test
  void helmHomes_liveInTheWorkDir() throws IOException {
    // Not version(): it is asked once per process and binary, so it may not run helm here.
    helm.lint(writeChart(tmp, "homes"), java.util.List.of(), false);

    assertThat(tmp.resolve("helm-work/cache")).isDirectory();
    assertThat(tmp.resolve("helm-work/config")).isDirectory();
    assertThat(tmp.resolve("helm-work/data")).isDirectory();
  }
}
