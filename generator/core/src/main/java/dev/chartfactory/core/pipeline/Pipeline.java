package dev.chartfactory.core.pipeline;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.Workers;
import dev.chartfactory.core.check.CrossFieldChecker;
import dev.chartfactory.core.check.SchemaChecker;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.load.SpecLoader;
import dev.chartfactory.core.load.SpecSource;
import dev.chartfactory.core.load.YamlLimits;
import dev.chartfactory.core.render.BlueprintEngine;
import dev.chartfactory.core.render.ChartRenderer;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.resolve.ServiceReferenceLinker;
import dev.chartfactory.core.resolve.SpecResolver;
import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.umbrella.UmbrellaRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The generator's stages, called in order in plain code: load → check → resolve (→ render →
 * validate → write → commit). Build one and reuse it: schemas are compiled once.
 */
public final class Pipeline {

  private final SpecLoader loader;
  private final SpecResolver resolver = new SpecResolver();
  private final CrossFieldChecker crossFieldChecker = new CrossFieldChecker();
  private final ServiceReferenceLinker referenceLinker = new ServiceReferenceLinker();
  private final PipelineListener listener;

  public Pipeline(PipelineListener listener) {
    this(listener, YamlLimits.DEFAULT);
  }

  public Pipeline(PipelineListener listener, YamlLimits limits) {
    this.listener = listener;
    this.loader = new SpecLoader(limits, SchemaChecker.compiling());
  }

  /** The blueprint engine being built for the template overrides of the repo loaded last. */
  private record PreparedBlueprints(Map<String, String> overrides, CompletableFuture<BlueprintEngine> engine) {}

  private volatile PreparedBlueprints blueprints;

  /** A chart renderer for {@code platform}, with the blueprint engine prepared for it when there is one. */
  public ChartRenderer chartRenderer(ResolvedPlatform platform) {
    PreparedBlueprints prepared = blueprints;
    Map<String, String> overrides = platform.repo().templateOverrides();
    return new ChartRenderer(platform, prepared != null && prepared.overrides().equals(overrides)
        ? Workers.join(prepared.engine()) : new BlueprintEngine(overrides));
  }

  /**
   * Loads, checks and resolves the config repo.
   *
   * @throws SpecException listing every problem found in every file
   */
  public ResolvedPlatform resolve(SpecSource source) {
    listener.progress("load", "reading specs from " + source.describe());
    ConfigRepo repo = loader.load(source);
    // Jinjava and the blueprints take a fresh JVM a while to set up: do it while resolving,
    // and only again when the repo's templates/ change.
    Map<String, String> overrides = repo.templateOverrides();
    PreparedBlueprints prepared = blueprints;
    if (prepared == null || !prepared.overrides().equals(overrides)) {
      blueprints = new PreparedBlueprints(overrides, CompletableFuture.supplyAsync(
          () -> new BlueprintEngine(overrides).parseAll(), Workers.threadPerTask("factory-blueprints")));
    }
    listener.progress("resolve", repo.apps().size() + " apps, " + repo.environments().size()
        + " environments");
    ResolvedPlatform platform = resolver.resolve(repo);
    List<Problem> problems = crossFieldChecker.check(repo, platform);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    listener.progress("check", "specs are valid");
    return referenceLinker.link(platform);
  }

  /**
   * Renders every app's chart and the umbrella, in memory. {@code onlyApps} limits the app
   * charts rendered (empty: all); the umbrella is always rendered, it is cheap.
   */
  public List<RenderedChart> render(ResolvedPlatform platform, Set<String> onlyApps) {
    return renderApps(platform, onlyApps.isEmpty() ? platform.baseApps().keySet() : onlyApps);
  }

  /** Renders the charts of {@code apps} (possibly none) and the umbrella, in memory. */
  public List<RenderedChart> renderApps(ResolvedPlatform platform, Collection<String> apps) {
    return renderApps(platform, apps, new UmbrellaRenderer());
  }

  /** The same, with an umbrella renderer that may hold blocks to reuse. */
  public List<RenderedChart> renderApps(ResolvedPlatform platform, Collection<String> apps,
      UmbrellaRenderer umbrellaRenderer) {
    Set<String> wanted = Set.copyOf(apps);
    // The umbrella needs none of the app charts: it renders on a thread of its own meanwhile.
    CompletableFuture<RenderedChart> umbrella = CompletableFuture.supplyAsync(
        () -> umbrellaRenderer.render(platform), Workers.threadPerTask("factory-umbrella"));
    List<RenderedChart> charts;
    try {
      ChartRenderer renderer = chartRenderer(platform);
      // Apps render independently (the renderer is thread-safe); the list keeps their order.
      charts = new ArrayList<>(platform.baseApps().values().parallelStream()
          .filter(app -> wanted.contains(app.name()))
          .map(renderer::render)
          .toList());
    } catch (RuntimeException e) {
      // The umbrella renderer may be used again (watch mode): it must be done before that.
      umbrella.exceptionally(failure -> null).join();
      throw e;
    }
    charts.add(Workers.join(umbrella));
    listener.progress("render", charts.size() - 1 + (charts.size() == 2 ? " app chart" : " app charts")
        + " and the umbrella chart rendered");
    return charts;
  }
}
