package dev.chartfactory.core.validate;

import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.render.YamlText;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.umbrella.UmbrellaChartYaml;
import dev.chartfactory.core.umbrella.UmbrellaFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Rendered charts laid out in a scratch folder for Helm. With an umbrella, each app chart is
 * written once, into the umbrella's own {@code charts/} folder (which Helm reads like packaged
 * dependencies), so rendering needs no {@code helm dependency build} and nothing in the user's
 * repo is touched; without one, app charts go to {@code charts/<app>}.
 */
public final class ChartWorkspace {

  private final Path root;
  private final boolean hasUmbrella;
  /** Folder → the chart written there as given (app charts only; the umbrella may be cut down). */
  private final Map<String, RenderedChart> written;

  private ChartWorkspace(Path root, boolean hasUmbrella, Map<String, RenderedChart> written) {
    this.root = root;
    this.hasUmbrella = hasUmbrella;
    this.written = written;
  }

  /** Every chart as given; the umbrella must list exactly the app charts given. */
  public static ChartWorkspace of(Path scratch, List<RenderedChart> charts) {
    return layOut(scratch, charts, false, false);
  }

  /**
   * Some of the app charts and the umbrella, whose dependencies are cut down to the app charts
   * given: enough to render those apps' objects and the umbrella's own. Subcharts only see their
   * own values and {@code global}, so each app renders exactly as in the whole umbrella.
   */
  public static ChartWorkspace subset(Path scratch, List<RenderedChart> charts) {
    return layOut(scratch, charts, true, false);
  }

  /**
   * Like {@link #subset}, without the umbrella's own objects (namespaces, quotas, network
   * policies, issuers) and with its values cut down to the shared blocks and the apps given: for
   * comparing two versions whose umbrella renders the same own objects, where rendering those
   * (thousands, with tenant namespaces) would cost more than the apps themselves.
   */
  public static ChartWorkspace appsOnly(Path scratch, List<RenderedChart> charts) {
    return layOut(scratch, charts, true, true);
  }

  private static ChartWorkspace layOut(Path scratch, List<RenderedChart> charts, boolean trimDependencies,
      boolean appsOnly) {
    RenderedChart umbrella = RenderedChart.umbrellaIn(charts).orElse(null);
    Map<String, RenderedChart> written = new java.util.concurrent.ConcurrentHashMap<>();
    ChartWorkspace workspace = new ChartWorkspace(scratch, umbrella != null, written);
    try {
      if (umbrella != null) {
        Map<String, String> files = umbrella.files();
        if (trimDependencies) {
          Set<String> apps = charts.stream().filter(c -> c.folder().startsWith("charts/"))
              .map(RenderedChart::name).collect(Collectors.toSet());
          files = new TreeMap<>(files);
          files.put("Chart.yaml", withDependencies(files.get("Chart.yaml"), apps));
          if (appsOnly) {
            files.keySet().removeIf(file -> file.startsWith("templates/") && file.endsWith(".yaml"));
            Set<String> allApps = UmbrellaFiles.appNames(umbrella);
            for (Map.Entry<String, String> file : files.entrySet()) {
              if (isValuesFile(file.getKey())) {
                file.setValue(withApps(file.getValue(), apps, allApps));
              }
            }
          }
        }
        writeFiles(scratch.resolve(umbrella.folder()), files);
      }
      // Creating files is slow on some file systems: charts are written in parallel.
      charts.parallelStream().filter(chart -> chart != umbrella).forEach(chart -> {
        try {
          writeFiles(workspace.chart(chart.folder()), chart.files());
          written.put(chart.folder(), chart);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return workspace;
    } catch (IOException | UncheckedIOException e) {
      throw FileAccessException.of("cannot lay out charts in " + scratch, e);
    }
  }

  /** Where {@code chart} was written, when this workspace wrote exactly that chart. */
  public java.util.Optional<Path> folderOf(RenderedChart chart) {
    return chart.equals(written.get(chart.folder())) ? java.util.Optional.of(chart(chart.folder()))
        : java.util.Optional.empty();
  }

  /** The umbrella's Chart.yaml keeping only the dependencies named in {@code apps}. */
  static String withDependencies(String chartYaml, Set<String> apps) {
    return UmbrellaChartYaml.parse(chartYaml).withDependenciesOn(apps).text();
  }

  static boolean isValuesFile(String file) {
    return file.startsWith("values") && file.endsWith(".yaml") && !file.contains("/");
  }

  /** Umbrella values without the blocks of apps other than {@code apps}. */
  private static String withApps(String valuesYaml, Set<String> apps, Set<String> allApps) {
    Set<String> dropped = new java.util.HashSet<>(allApps);
    dropped.removeAll(apps);
    String trimmed = UmbrellaFiles.withoutApps(valuesYaml, dropped);
    if (trimmed != null) {
      return trimmed;
    }
    Map<String, Object> values = UmbrellaFiles.yaml(valuesYaml);
    values.keySet().removeAll(dropped);
    return YamlText.dump(values);
  }

  /** Writes files below {@code dir}, creating each folder once. */
  public static void writeFiles(Path dir, Map<String, String> files) throws IOException {
    Set<Path> folders = new java.util.HashSet<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      if (folders.add(path.getParent())) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Where a chart of the given folder ({@code charts/shop}, {@code umbrella-chart}) was written. */
  public Path chart(String folder) {
    if (hasUmbrella && folder.startsWith("charts/")) {
      return root.resolve(RepoLayout.UMBRELLA_CHART).resolve(folder);
    }
    return root.resolve(folder);
  }

  public Path umbrella() {
    return root.resolve(RepoLayout.UMBRELLA_CHART);
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
