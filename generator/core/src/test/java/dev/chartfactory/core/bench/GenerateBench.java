package dev.chartfactory.core.bench;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.IncrementalGenerator;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.validate.ChartWorkspace;
import dev.chartfactory.core.write.ChartChange;
import dev.chartfactory.core.write.ChartWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full generation of the synthetic 1,000-app repo, regeneration after one app changed, and, as
 * the baseline measured in the same run, {@code helm template} of the resulting umbrella chart
 * for one environment.
 */
public final class GenerateBench {

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path repo = SyntheticRepo.write(Files.createTempDirectory("factory-bench-generate"), apps);
    DirectorySpecSource source = new DirectorySpecSource(repo);
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);

    // Full generation: load, check, resolve, render, write into an empty output folder.
    int[] run = {0};
    double full = Measure.medianMillis(2, 3, () -> {
      Path out = Files.createDirectories(repo.resolve("out-" + run[0]++));
      ResolvedPlatform platform = pipeline.resolve(source);
      return new ChartWriter(out).write(pipeline.render(platform, Set.of()), true);
    });
    ResolvedPlatform platform = pipeline.resolve(source);
    List<RenderedChart> charts = pipeline.render(platform, Set.of());
    long files = charts.stream().mapToLong(c -> c.files().size()).sum();

    // One app changed, regenerated in-process.
    IncrementalGenerator generator = new IncrementalGenerator(pipeline, repo);
    generator.generate(source);
    Path appFile = repo.resolve("apps/app0500/app.yaml");
    String original = Files.readString(appFile);
    int[] edit = {0};
    double regen = Measure.medianMillis(2, 5, () -> {
      Files.writeString(appFile, original.replace("LOG_LEVEL: info", "LOG_LEVEL: debug" + edit[0]++));
      List<ChartChange> changes = generator.generate(source);
      if (changes.size() != 1 || !changes.get(0).folder().equals("charts/app0500")) {
        throw new IllegalStateException("expected only charts/app0500 to change, got " + changes);
      }
      return changes;
    });

    // Baseline: helm template of the resulting umbrella chart, one environment.
    String helmBinary = System.getProperty("helm.binary", "");
    HelmCli helm = new HelmCli(helmBinary.isBlank() ? new HelmLocator(Path.of("").toAbsolutePath()).require()
        : Path.of(helmBinary), Files.createTempDirectory("factory-bench-helm"));
    ChartWorkspace workspace = ChartWorkspace.of(Files.createTempDirectory("factory-bench-ws"), charts);
    Path prodValues = workspace.umbrella().resolve("values-prod.yaml");
    String[] output = new String[1];
    double helmTemplate = Measure.medianMillis(0, 3, () -> output[0] = helm.template(
        workspace.umbrella(), "platform", "platform", List.of(prodValues), Map.of()));
    long manifests = output[0].lines().filter(l -> l.startsWith("kind:")).count();

    System.out.printf("generate: %d apps x 3 components x 3 environments -> %d charts, %d files%n",
        apps, charts.size(), files);
    Measure.row("full generation (load..write), warm median", String.format("%.0f ms", full),
        "< helm template", full < helmTemplate);
    Measure.row("baseline: helm template umbrella, prod", String.format("%.0f ms", helmTemplate),
        "(" + manifests + " manifests)", true);
    Measure.row("speed-up over helm template", String.format("%.1fx", helmTemplate / full), "> 1x",
        helmTemplate > full);
    Measure.row("regenerate after one app changed (in-process)", String.format("%.0f ms", regen),
        "< 300 ms", regen < 300);
  }
}
