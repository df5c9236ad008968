package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.gitops.GitOpsManifests;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLint;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.HelmBinary;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.write.RepoLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the generated umbrella chart reaches a cluster other than by {@link Releases#deploy}: its
 * dependencies packaged for Helm ({@link #sync}), or manifests that let Argo CD or Flux deploy it
 * from the repo ({@link #gitOps}).
 */
public final class Delivery {

  private final PipelineListener listener;

  public Delivery(PipelineListener listener) {
    this.listener = listener;
  }

  /**
   * {@code helm dependency build} of the umbrella chart (packages {@code ../charts/*}), then
   * {@code helm lint --strict} with every {@code values-<env>.yaml}. Refuses when the specs are
   * invalid: the charts on disk would not be what they say.
   */
  public SyncResult sync(String repo) {
    Path root = RepoLayout.of(repo).root();
    Path umbrella = root.resolve(RepoLayout.UMBRELLA_CHART);
    if (!Files.isRegularFile(umbrella.resolve("Chart.yaml"))) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(RepoLayout.UMBRELLA_CHART + "/Chart.yaml"), "",
          "not found (expected generated charts; run 'factory generate-all' first)"));
    }
    try (RepoLock lock = RepoLock.acquire(root, "sync", listener)) {
      requireValidSpecs(root);
      return packageAndLint(root, umbrella);
    }
  }

  /** Argo CD or Flux manifests for the umbrella chart, for one environment or all. */
  public String gitOps(GitOpsRequest request) {
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT)
        .resolve(new DirectorySpecSource(RepoLayout.of(request.repo()).root()));
    List<String> environments = ChartChecks.environments(platform, request.environment());
    GitOpsManifests manifests = new GitOpsManifests(request.repoUrl(), request.revision(), RepoLayout.UMBRELLA_CHART);
    return switch (request.format()) {
      case ARGOCD -> manifests.argoApplications(platform, environments);
      case ARGOCD_APPSET -> manifests.argoApplicationSet(platform);
      case FLUX -> manifests.flux(platform, environments);
    };
  }

  private void requireValidSpecs(Path root) {
    try {
      new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(root));
    } catch (SpecException e) {
      listener.progress("sync", "the specs are invalid, so sync packages nothing: the charts on disk would not be"
          + " what they say. Fix the problems below, run 'factory generate-all', then sync again");
      throw e;
    }
  }

  private static SyncResult packageAndLint(Path root, Path umbrella) {
    HelmCli helm = HelmBinary.forRepo(root);
    helm.dependencyBuild(umbrella);
    List<Path> valuesFiles;
    long packaged;
    try (Stream<Path> files = Files.list(umbrella); Stream<Path> archives = Files.list(umbrella.resolve("charts"))) {
      valuesFiles = files.filter(f -> f.getFileName().toString().matches("values-.+\\.yaml")).sorted().toList();
      packaged = archives.filter(p -> p.toString().endsWith(".tgz")).count();
    } catch (IOException e) {
      throw FileAccessException.of("cannot list " + umbrella, e);
    }
    List<String> linted = new ArrayList<>();
    for (Path values : valuesFiles) {
      HelmLint.of(umbrella).values(List.of(values)).strict().run(helm);
      linted.add(values.getFileName().toString());
    }
    return new SyncResult(packaged, linted);
  }
}
