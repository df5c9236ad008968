package dev.chartfactory.core.validate;

import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.render.YamlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Rendered charts laid out in a scratch folder for Helm. With an umbrella, each app chart is
 * written once, into the umbrella's own {@code charts/} folder (which Helm reads like packaged
 * dependencies), so rendering needs no {@code helm dependency build} and nothing in the user's
 * repo is touched; without one, app charts go to {@code charts/<app>}.
 */
public final class ChartWorkspace {

  private final Path root;
  private final boolean hasUmbrella;

  private ChartWorkspace(Path root, boolean hasUmbrella) {
    this.root = root;
    this.hasUmbrella = hasUmbrella;
  }

  /** Every chart as given; the umbrella must list exactly the app charts given. */
  public static ChartWorkspace of(Path scratch, List<RenderedChart> charts) {
    return layOut(scratch, charts, false);
  }

  /**
   * Some of the app charts and the umbrella, whose dependencies are cut down to the app charts
   * given: enough to render those apps' objects and the umbrella's own. Subcharts only see their
   * own values and {@code global}, so each app renders exactly as in the whole umbrella.
   */
  public static ChartWorkspace subset(Path scratch, List<RenderedChart> charts) {
    return layOut(scratch, charts, true);
  }

  private static ChartWorkspace layOut(Path scratch, List<RenderedChart> charts, boolean trimDependencies) {
    RenderedChart umbrella = charts.stream().filter(c -> c.folder().equals("umbrella-chart")).findFirst().orElse(null);
    try {
      for (RenderedChart chart : charts) {
        if (chart == umbrella) {
          Map<String, String> files = chart.files();
          if (trimDependencies) {
            Set<String> apps = charts.stream().filter(c -> c.folder().startsWith("charts/"))
                .map(RenderedChart::name).collect(Collectors.toSet());
            files = new TreeMap<>(files);
            files.put("Chart.yaml", withDependencies(files.get("Chart.yaml"), apps));
          }
          write(scratch.resolve(chart.folder()), files);
        } else if (umbrella != null && chart.folder().startsWith("charts/")) {
          write(scratch.resolve("umbrella-chart/charts").resolve(chart.name()), chart.files());
        } else {
          write(scratch.resolve(chart.folder()), chart.files());
        }
      }
      return new ChartWorkspace(scratch, umbrella != null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out charts in " + scratch, e);
    }
  }

  /** The umbrella's Chart.yaml keeping only the dependencies named in {@code apps}. */
  @SuppressWarnings("unchecked")
  static String withDependencies(String chartYaml, Set<String> apps) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(chartYaml);
    if (!(loaded instanceof Map<?, ?> map)) {
      return chartYaml;
    }
    Map<String, Object> chart = (Map<String, Object>) map;
    if (chart.get("dependencies") instanceof List<?> dependencies) {
      List<Object> kept = new ArrayList<>();
      for (Object dependency : dependencies) {
        if (dependency instanceof Map<?, ?> entry && apps.contains(String.valueOf(entry.get("name")))) {
          kept.add(dependency);
        }
      }
      chart.put("dependencies", kept);
    }
    return YamlText.dump(chart);
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Where a chart of the given folder ({@code charts/shop}, {@code umbrella-chart}) was written. */
  public Path chart(String folder) {
    if (hasUmbrella && folder.startsWith("charts/")) {
      return root.resolve("umbrella-chart").resolve(folder);
    }
    return root.resolve(folder);
  }

  public Path umbrella() {
    return root.resolve("umbrella-chart");
  }

  /** Removes a scratch folder and everything in it; a leftover in the temp dir is harmless. */
  public static void deleteQuietly(Path scratch) {
    try (java.util.stream.Stream<Path> walk = Files.walk(scratch)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // Nothing to do: the OS cleans its temp dir.
    }
  }
}
