package dev.chartfactory.core.pipeline;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import dev.chartfactory.core.validate.ValidationCache;
import java.nio.file.Path;

/** The chart validator a run uses: the repo's helm, the Kubernetes schemas, and the user's cache. */
public final class Validators {

  private Validators() {}

  /** With the user's validation cache unless {@code noCache} or {@code FACTORY_CACHE=off}. */
  public static ChartValidator forRepo(Path repoRoot, PipelineListener listener, boolean noCache) {
    return new ChartValidator(HelmBinary.forRepo(repoRoot), new ManifestSchemaValidator(), listener,
        cache(noCache));
  }

  /** The memo of rendered charts for the apps of {@code source}, in the user's cache; off as the cache is. */
  public static RenderMemo renderMemo(dev.chartfactory.core.load.SpecSource source,
      java.util.Collection<String> apps, java.util.Set<String> callers, boolean noCache) {
    return !cache(noCache).enabled() ? RenderMemo.OFF
        : RenderMemo.of(ValidationCache.userCacheRoot(System.getenv()).resolve("renders"), source, apps, callers);
  }

  static ValidationCache cache(boolean noCache) {
    return noCache || "off".equals(System.getenv("FACTORY_CACHE")) ? ValidationCache.DISABLED
        : ValidationCache.inUserCacheDirectory(System.getenv());
  }
}
