package dev.chartfactory.core.diff;

import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders two sets of charts (say, what is committed and what the specs generate now) with
 * {@code helm template} per environment and compares the objects.
 */
public final class EnvironmentDiff {

  private final HelmCli helm;
  private final ManifestDiffer differ = new ManifestDiffer();

  public EnvironmentDiff(HelmCli helm) {
    this.helm = helm;
  }

  public DiffReport diff(List<RenderedChart> before, List<RenderedChart> after, List<String> environments,
      String releaseName, String namespace) {
    try {
      Path scratch = Files.createTempDirectory("factory-diff-");
      ChartWorkspace old = before.isEmpty() ? null : ChartWorkspace.of(scratch.resolve("before"), before);
      ChartWorkspace now = ChartWorkspace.of(scratch.resolve("after"), after);
      Map<String, List<ObjectChange>> changes = new LinkedHashMap<>();
      for (String environment : environments) {
        String oldManifests = old == null ? "" : render(old, environment, releaseName, namespace);
        String newManifests = render(now, environment, releaseName, namespace);
        changes.put(environment, differ.diff(oldManifests, newManifests));
      }
      return new DiffReport(changes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String render(ChartWorkspace workspace, String environment, String releaseName, String namespace) {
    Path values = workspace.umbrella().resolve("values-" + environment + ".yaml");
    if (!Files.exists(values)) {
      return "";
    }
    return helm.template(workspace.umbrella(), releaseName, namespace, List.of(values), Map.of());
  }
}
