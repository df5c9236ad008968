package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.HelmBinary;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.spec.SpecDefaults;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A release operation's inputs read from the config repo: its root, the umbrella release's name
 * and namespace, the environment asked for and the cluster it runs in.
 */
record ReleaseContext(Path root, ResolvedPlatform platform, String environment,
    EnvironmentSpec.ClusterSpec cluster, String kubeconfig) {

  /**
   * Reads the specs (a spec error stops here); checks the environment against them. Without an
   * environment the current kube context is used, unless {@code environmentRequired}.
   */
  static ReleaseContext of(ReleaseTarget target, boolean environmentRequired) {
    Path root = RepoLayout.of(target.repo()).root();
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(root));
    if (target.environment() == null && !environmentRequired) {
      return new ReleaseContext(root, platform, null, EnvironmentSpec.ClusterSpec.CURRENT, target.kubeconfig());
    }
    String env = ChartChecks.environments(platform, target.environment()).get(0);
    return new ReleaseContext(root, platform, env, platform.environment(env).cluster(), target.kubeconfig());
  }

  /** The release named in factory.yaml, with the defaults for what it leaves out. */
  FactorySpec.UmbrellaSpec umbrella() {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
    String name = umbrella == null || isBlank(umbrella.name()) ? SpecDefaults.UMBRELLA_NAME : umbrella.name();
    String namespace = umbrella == null || isBlank(umbrella.namespace()) ? SpecDefaults.UMBRELLA_NAMESPACE
        : umbrella.namespace();
    return new FactorySpec.UmbrellaSpec(name, namespace, umbrella == null ? null : umbrella.version());
  }

  /**
   * Helm for the environment's cluster: its kube context, and its kubeconfig unless the target
   * names another file.
   */
  HelmCli helm() {
    HelmCli helm = HelmBinary.forRepo(root).withKubeContext(cluster.contextOrNull());
    String file = !kubeconfig.isEmpty() ? kubeconfig : cluster.kubeconfig();
    if (file == null) {
      return helm;
    }
    return helm.withKubeconfig(file.startsWith("~/") ? Path.of(System.getProperty("user.home"), file.substring(2))
        : Path.of(file));
  }

  /** The umbrella chart below {@code folder}; a spec problem when it was never generated. */
  Path umbrellaChart(Path folder) {
    Path chart = folder.resolve(RepoLayout.UMBRELLA_CHART);
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(RepoLayout.UMBRELLA_CHART + "/Chart.yaml"), "",
          "not found (expected generated charts; run 'factory generate-all' first, or drop --skip-generate)"));
    }
    return chart;
  }

  /** The umbrella's values file of this environment in {@code chart}. */
  Path valuesFile(Path chart) {
    Path values = chart.resolve("values-" + environment + ".yaml");
    if (!Files.isRegularFile(values)) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(RepoLayout.umbrellaValues(environment)), "",
          "not found (run 'factory generate-all', or drop --skip-generate)"));
    }
    return values;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
