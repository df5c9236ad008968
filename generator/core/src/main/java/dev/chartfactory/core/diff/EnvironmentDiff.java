package dev.chartfactory.core.diff;

import dev.chartfactory.core.Workers;
import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmTemplate;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.umbrella.UmbrellaFiles;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Renders two sets of charts (say, what is committed and what the specs generate now) with
 * {@code helm template} per environment and compares the objects. Either set may hold only some
 * app charts plus the umbrella: the umbrella is cut down to them, so a diff of the apps a pull
 * request touched costs the same on a platform of ten apps or a thousand.
 */
public final class EnvironmentDiff {

  private final HelmCli helm;
  private final ManifestDiffer differ = new ManifestDiffer();

  public EnvironmentDiff(HelmCli helm) {
    this.helm = helm;
  }

  /**
   * The object changes per environment, and what helm rendered of {@code after} in each (only the
   * apps' objects when the umbrella's own cannot differ), for checks of the new objects.
   */
  public record Result(DiffReport report, Map<String, String> renderedAfter) {
    public Result {
      renderedAfter = Map.copyOf(renderedAfter);
    }
  }

  public Result diff(List<RenderedChart> before, List<RenderedChart> after, List<String> environments,
      String releaseName, String namespace) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("factory-diff-");
    } catch (IOException e) {
      throw FileAccessException.of("cannot create a scratch folder for the diff", e);
    }
    try {
      RenderedChart oldUmbrella = RenderedChart.umbrellaIn(before).orElse(null);
      RenderedChart newUmbrella = RenderedChart.umbrellaIn(after).orElse(null);
      // When the umbrella's own objects cannot differ, only the apps' objects are rendered.
      boolean appsOnly = oldUmbrella != null && newUmbrella != null
          && UmbrellaFiles.sameOwnObjects(oldUmbrella, newUmbrella, appCharts(before, after));
      ChartWorkspace old = before.isEmpty() ? null : layOut(scratch.resolve("before"), before, appsOnly);
      ChartWorkspace now = layOut(scratch.resolve("after"), after, appsOnly);
      // Each helm run is one process, mostly starting up and single-threaded on small charts:
      // both sides of every environment render at once.
      ExecutorService pool = Workers.pool("factory-diff", Math.min(8, 2 * environments.size()));
      List<List<ObjectChange>> perEnvironment;
      Map<String, String> renderedAfter = new LinkedHashMap<>();
      try {
        List<CompletableFuture<String>> olds = new ArrayList<>();
        List<CompletableFuture<String>> news = new ArrayList<>();
        for (String environment : environments) {
          olds.add(CompletableFuture.supplyAsync(
              () -> old == null ? "" : render(old, environment, releaseName, namespace), pool));
          news.add(CompletableFuture.supplyAsync(() -> render(now, environment, releaseName, namespace), pool));
        }
        perEnvironment = new ArrayList<>();
        for (int i = 0; i < environments.size(); i++) {
          String rendered = Workers.join(news.get(i));
          renderedAfter.put(environments.get(i), rendered);
          perEnvironment.add(differ.diff(Workers.join(olds.get(i)), rendered));
        }
      } finally {
        pool.shutdownNow();
      }
      Map<String, List<ObjectChange>> changes = new LinkedHashMap<>();
      for (int i = 0; i < environments.size(); i++) {
        changes.put(environments.get(i), perEnvironment.get(i));
      }
      return new Result(new DiffReport(changes), renderedAfter);
    } finally {
      ChartWorkspace.deleteQuietly(scratch);
    }
  }

  private static java.util.Set<String> appCharts(List<RenderedChart> before, List<RenderedChart> after) {
    java.util.Set<String> apps = new java.util.TreeSet<>();
    for (List<RenderedChart> side : List.of(before, after)) {
      side.stream().filter(chart -> !chart.isUmbrella()).forEach(chart -> apps.add(chart.name()));
    }
    return apps;
  }

  private static ChartWorkspace layOut(Path folder, List<RenderedChart> charts, boolean appsOnly) {
    return appsOnly ? ChartWorkspace.appsOnly(folder, charts) : ChartWorkspace.subset(folder, charts);
  }

  private String render(ChartWorkspace workspace, String environment, String releaseName, String namespace) {
    Path values = workspace.umbrella().resolve("values-" + environment + ".yaml");
    if (!Files.exists(values)) {
      return "";
    }
    return HelmTemplate.of(workspace.umbrella(), releaseName, namespace).values(List.of(values)).run(helm);
  }
}
