package dev.chartfactory.core.bench;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ChartWorkspace;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import dev.chartfactory.core.validate.PolicyChecker;
import dev.chartfactory.core.validate.RenderedObjects;
import dev.chartfactory.core.write.ChartWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline validation of the synthetic 1,000-app repo's rendered manifests in all three
 * environments: Kubernetes schemas and policy rules, in manifests/second; and a whole validated
 * generation (what generate-all does), next to the baseline of {@code helm template} of the same
 * umbrella once per environment.
 */
public final class ValidateBench {

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path repo = SyntheticRepo.write(Files.createTempDirectory("factory-bench-validate"), apps);
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);
    ResolvedPlatform platform = pipeline.resolve(new DirectorySpecSource(repo));
    List<RenderedChart> charts = pipeline.render(platform, Set.of());
    ChartWorkspace workspace = ChartWorkspace.of(Files.createTempDirectory("factory-bench-ws"), charts);
    String helmBinary = System.getProperty("helm.binary", "");
    HelmCli helm = new HelmCli(helmBinary.isBlank() ? new HelmLocator(Path.of("").toAbsolutePath()).require()
        : Path.of(helmBinary), Files.createTempDirectory("factory-bench-helm"));

    Map<String, String> rendered = new LinkedHashMap<>();
    long helmStart = System.nanoTime();
    for (String environment : platform.repo().environmentNames()) {
      rendered.put(environment, helm.template(workspace.umbrella(), "platform", "platform",
          List.of(workspace.umbrella().resolve("values-" + environment + ".yaml")), Map.of()));
    }
    double helmMillis = (System.nanoTime() - helmStart) / 1e6;

    ManifestSchemaValidator schemas = new ManifestSchemaValidator();
    PolicyChecker policy = new PolicyChecker();
    long manifests = rendered.values().stream().mapToLong(t -> t.lines().filter(l -> l.startsWith("kind:")).count()).sum();
    double validateMillis = Measure.medianMillis(1, 3, () -> {
      int problems = 0;
      for (Map.Entry<String, String> entry : rendered.entrySet()) {
        problems += schemas.validateYaml(entry.getValue()).size();
        problems += policy.check(platform, platform.environment(entry.getKey()), RenderedObjects.objects(entry.getValue())).size();
      }
      if (problems != 0) {
        throw new IllegalStateException(problems + " problems in the synthetic repo's manifests");
      }
      return problems;
    });
    double perSecond = manifests / (validateMillis / 1000);

    // What generate-all does, validation included, into an empty folder: one run, as a user
    // would meet it (the JVM is warm from the runs above, helm is started fresh each time).
    long generateStart = System.nanoTime();
    ResolvedPlatform fresh = pipeline.resolve(new DirectorySpecSource(repo));
    List<RenderedChart> freshCharts = pipeline.render(fresh, Set.of());
    new ChartValidator(helm, schemas, PipelineListener.SILENT).validate(fresh, freshCharts);
    new ChartWriter(Files.createTempDirectory("factory-bench-out")).write(freshCharts, true);
    double validatedMillis = (System.nanoTime() - generateStart) / 1e6;

    System.out.printf("validate: %d manifests from %d apps x 3 environments%n", manifests, apps);
    Measure.row("schemas + policy, warm median", String.format("%.0f ms", validateMillis), "", true);
    Measure.row("manifests/second (2 cores)", String.format("%.0f", perSecond), ">= 5000", perSecond >= 5000);
    Measure.row("baseline: helm template x 3 environments", String.format("%.0f ms", helmMillis), "(one after another)", true);
    Measure.row("validated full generation (load..validate..write)", String.format("%.0f ms", validatedMillis),
        "< helm template x 3", validatedMillis < helmMillis);
  }

}
