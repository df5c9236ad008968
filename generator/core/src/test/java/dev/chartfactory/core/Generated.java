package dev.chartfactory.core;

import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.write.ChartWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Runs load → render → write on a repo on disk, the way generate-all does. */
public final class Generated {

  private Generated() {}

  public static List<RenderedChart> render(Path repo) {
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);
    ResolvedPlatform platform = pipeline.resolve(new DirectorySpecSource(repo));
    return pipeline.render(platform, Set.of());
  }

  public static List<RenderedChart> generate(Path repo) {
    List<RenderedChart> charts = render(repo);
    new ChartWriter(repo).write(charts, true);
    return charts;
  }
}
