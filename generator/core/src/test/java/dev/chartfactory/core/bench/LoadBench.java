package dev.chartfactory.core.bench;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loading and checking a synthetic config repo of 1,000 apps × 3 components × 3 environments,
 * warm and in-process. Run by {@code make bench}; run with a 256 MiB heap cap so the heap
 * target is enforced, not only reported.
 */
public final class LoadBench {

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path repo = SyntheticRepo.write(Files.createTempDirectory("factory-bench-load"), apps);
    DirectorySpecSource source = new DirectorySpecSource(repo);
    Measure.resetPeakHeap();
    // A new pipeline per run: the JVM is warm, but nothing parsed before is reused.
    double millis = Measure.medianMillis(3, 5, () -> new Pipeline(PipelineListener.SILENT).resolve(source));
    double peak = Measure.peakHeapMiB();
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);
    ResolvedPlatform platform = pipeline.resolve(source);
    double cached = Measure.medianMillis(1, 5, () -> pipeline.resolve(source));
    int instances = platform.environments().values().stream().mapToInt(java.util.Map::size).sum();
    System.out.printf("load+check+resolve: %d apps, %d components, %d instances (%d files)%n",
        platform.baseApps().size(), apps * 3, instances, source.files().size());
    Measure.row("load+check, warm median", String.format("%.0f ms", millis), "< 2000 ms", millis < 2000);
    Measure.row("apps/second", String.format("%.0f", apps / (millis / 1000)), "> 500", apps / (millis / 1000) > 500);
    Measure.row("same pipeline again, nothing changed", String.format("%.0f ms", cached), "(informative)", true);
    Measure.row("peak heap (max " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)",
        String.format("%.0f MiB", peak), "< 256 MiB", peak < 256);
  }
}
