package dev.chartfactory.core;

import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Asks the real helm what it read: a test-only template in every app chart prints the chart's
 * values and metadata as helm holds them, JSON in base64, so that no YAML parser of ours reads
 * them back (and none can hide a change helm made).
 */
public final class HelmProbe {

  private static final String TEMPLATE = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: probe
      data:
        probe: {{ printf "%s|%s|%s" .Chart.Name (.Values | toJson | b64enc) (.Chart | toJson | b64enc) | quote }}
      """;
  private static final Pattern PROBE = Pattern.compile("probe: \"([^|\"]+)\\|([A-Za-z0-9+/=]*)\\|([A-Za-z0-9+/=]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What helm rendered, and the values and chart metadata it held for each app chart. */
  public record Rendered(ChartWorkspace workspace, String manifests, Map<String, JsonNode> valuesByChart,
      Map<String, JsonNode> chartByName) {

    public JsonNode values(String chart) {
      return require(valuesByChart, chart);
    }

    public JsonNode chart(String chart) {
      return require(chartByName, chart);
    }

    private static JsonNode require(Map<String, JsonNode> map, String chart) {
      JsonNode node = map.get(chart);
      if (node == null) {
        throw new AssertionError("helm rendered no probe for chart " + chart + "; charts probed: " + map.keySet());
      }
      return node;
    }
  }

  private HelmProbe() {}

  /** Renders the workspace's umbrella with {@code values-<environment>.yaml}, schemas checked. */
  public static Rendered render(HelmCli helm, ChartWorkspace workspace, String environment) {
    addProbes(workspace.umbrella().resolve("charts"));
    String manifests = helm.template(workspace.umbrella(), "platform", "platform",
        List.of(workspace.umbrella().resolve("values-" + environment + ".yaml")), Map.of(), true);
    return probed(workspace, manifests);
  }

  /** Renders one chart folder (no umbrella) with its own values, schema checked. */
  public static Rendered renderChart(HelmCli helm, Path chart) {
    try {
      Files.createDirectories(chart.resolve("templates"));
      Files.writeString(chart.resolve("templates/zz-test-probe.yaml"), TEMPLATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String manifests = helm.template(chart, "probe", "default", List.of(), Map.of(), true);
    return probed(null, manifests);
  }

  /** The values and chart metadata each probe template printed, by chart. */
  private static Rendered probed(ChartWorkspace workspace, String manifests) {
    Map<String, JsonNode> values = new HashMap<>();
    Map<String, JsonNode> charts = new HashMap<>();
    Matcher probe = PROBE.matcher(manifests);
    while (probe.find()) {
      values.put(probe.group(1), decode(probe.group(2)));
      charts.put(probe.group(1), decode(probe.group(3)));
    }
    return new Rendered(workspace, manifests, values, charts);
  }

  private static void addProbes(Path chartsFolder) {
    try (Stream<Path> charts = Files.list(chartsFolder)) {
      for (Path chart : charts.toList()) {
        Files.writeString(chart.resolve("templates/zz-test-probe.yaml"), TEMPLATE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode decode(String base64) {
    return JSON.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
  }

  /** {@code helm show chart} of a chart folder, as helm prints it. */
  public static String showChart(Path chart) {
    try {
      Process process = new ProcessBuilder(TestHelm.binary().toString(), "show", "chart", chart.toString())
          .redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new AssertionError("helm show chart failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
