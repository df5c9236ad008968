package dev.chartfactory.core.pipeline;

import dev.chartfactory.core.load.SpecSource;
import dev.chartfactory.core.render.ChartRenderer;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.umbrella.UmbrellaRenderer;
import dev.chartfactory.core.write.ChartChange;
import dev.chartfactory.core.write.ChartWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates again and again in one process (a watch loop, an editor integration, a benchmark):
 * an app whose resolved model did not change keeps its rendered chart, and a chart equal to
 * the one this generator last wrote is not compared with the disk again. The result is the same
 * as a fresh {@link Pipeline} run; only repeated work is skipped.
 */
public final class IncrementalGenerator {

  private final Pipeline pipeline;
  private final Path outputRoot;
  private final Map<String, ResolvedApp> renderedFrom = new HashMap<>();
  private final Map<String, RenderedChart> rendered = new HashMap<>();
  private final Map<String, RenderedChart> written = new HashMap<>();
  private final UmbrellaRenderer umbrellaRenderer = UmbrellaRenderer.remembering();

  public IncrementalGenerator(Pipeline pipeline, Path outputRoot) {
    this.pipeline = pipeline;
    this.outputRoot = outputRoot;
  }

  /** Loads, checks, renders what changed and writes it; returns the changes on disk. */
  public List<ChartChange> generate(SpecSource source) {
    ResolvedPlatform platform = pipeline.resolve(source);
    List<RenderedChart> charts = new ArrayList<>();
    ChartRenderer renderer = null;
    for (ResolvedApp app : platform.baseApps().values()) {
      RenderedChart chart = rendered.get(app.name());
      if (chart == null || !app.equals(renderedFrom.get(app.name()))) {
        renderer = renderer != null ? renderer : pipeline.chartRenderer(platform);
        chart = renderer.render(app);
        rendered.put(app.name(), chart);
        renderedFrom.put(app.name(), app);
      }
      charts.add(chart);
    }
    boolean appsAddedOrRemoved = !rendered.keySet().equals(platform.baseApps().keySet());
    rendered.keySet().retainAll(platform.baseApps().keySet());
    renderedFrom.keySet().retainAll(platform.baseApps().keySet());
    charts.add(umbrellaRenderer.render(platform));
    // The first run compares everything with the disk; later runs only what changed since.
    boolean fullCheck = written.isEmpty() || appsAddedOrRemoved;
    List<RenderedChart> toWrite = new ArrayList<>();
    for (RenderedChart chart : charts) {
      if (fullCheck || !chart.equals(written.get(chart.folder()))) {
        toWrite.add(chart);
      }
    }
    List<ChartChange> changes = new ChartWriter(outputRoot).write(toWrite, fullCheck);
    written.clear();
    charts.forEach(chart -> written.put(chart.folder(), chart));
    return changes;
  }
}
