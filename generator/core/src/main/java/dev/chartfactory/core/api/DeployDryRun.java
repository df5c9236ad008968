package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmTemplate;
import dev.chartfactory.core.ops.ManifestKinds;
import dev.chartfactory.core.pipeline.HelmBinary;
import dev.chartfactory.core.pipeline.ScratchFolders;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * {@code deploy --dry-run}: the umbrella rendered with {@code helm template} and its objects
 * counted per kind. It leaves no trace: the cluster is not contacted, nothing is logged, and the
 * charts go to a scratch folder, since {@code helm dependency build} would write
 * {@code umbrella-chart/charts/} and {@code Chart.lock} in the repo.
 */
final class DeployDryRun {

  private final ReleaseContext release;
  private final PipelineListener listener;

  DeployDryRun(ReleaseContext release, PipelineListener listener) {
    this.release = release;
    this.listener = listener;
  }

  ReleaseResult run(boolean skipGenerate) {
    Path root = release.root();
    Path work = ScratchFolders.create("factory-deploy-dry-run-");
    try {
      if (skipGenerate) {
        copyAsIs(root.resolve(RepoLayout.CHARTS), work.resolve(RepoLayout.CHARTS));
        copyAsIs(release.umbrellaChart(root), work.resolve(RepoLayout.UMBRELLA_CHART));
      } else {
        new ChartFactory(listener).generate(GenerateRequest.all(root.toString(), false, false).writingTo(work));
      }
      return template(work);
    } finally {
      ChartWorkspace.deleteQuietly(work);
    }
  }

  private ReleaseResult template(Path work) {
    HelmCli helm = HelmBinary.forRepo(release.root());
    Path chart = release.umbrellaChart(work);
    Path values = release.valuesFile(chart);
    helm.dependencyBuild(chart);
    FactorySpec.UmbrellaSpec umbrella = release.umbrella();
    String manifests = HelmTemplate.of(chart, umbrella.name(), umbrella.namespace()).values(List.of(values))
        .run(helm);
    SortedMap<String, Integer> kinds = ManifestKinds.count(manifests);
    StringBuilder out = new StringBuilder("dry run: helm upgrade --install " + umbrella.name() + " -n "
        + umbrella.namespace() + " -f values-" + release.environment() + ".yaml would apply "
        + kinds.values().stream().mapToInt(Integer::intValue).sum() + " objects (cluster not contacted):\n");
    kinds.forEach((kind, count) -> out.append(String.format("  %-28s %d%n", kind, count)));
    return new ReleaseResult(out.toString().stripTrailing(), kinds);
  }

  /**
   * Every file of the folder, as it is on disk. Not {@code ChartWriter.existing()}: that reads the
   * generated files only, and a file people put in a chart folder (read with {@code .Files.Get})
   * is part of what a real deploy installs.
   */
  private static void copyAsIs(Path from, Path to) {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(path)) {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw FileAccessException.of("cannot copy " + from + " for the dry run", e);
    }
  }
}
