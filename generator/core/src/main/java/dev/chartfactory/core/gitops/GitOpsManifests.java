package dev.chartfactory.core.gitops;

import static dev.chartfactory.core.render.ValuesBuilder.ordered;

import dev.chartfactory.core.error.PrintableText;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.render.YamlText;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Manifests that let Argo CD or Flux deploy the umbrella chart straight from the config repo:
 * an Argo CD {@code Application} per environment, one {@code ApplicationSet} over all
 * environments, or a Flux {@code GitRepository} with a {@code HelmRelease} per environment.
 * Each environment goes to the cluster its {@code cluster:} names (Argo CD destination, Flux
 * kubeconfig secret); output where two environments would own one release on one cluster is
 * refused, since they would overwrite each other on every sync.
 *
 * @param repoUrl the Git URL Argo CD or Flux clones
 * @param revision branch, tag or commit to follow
 * @param chartPath the umbrella chart's folder in the repo ({@code umbrella-chart})
 */
public record GitOpsManifests(String repoUrl, String revision, String chartPath) {

  /**
   * Refuses a repository URL with credentials in it ({@code https://user:token@host/x.git}): it
   * would be written into the manifests, which are printed to be committed.
   */
  public GitOpsManifests {
    String redacted = PrintableText.withoutCredentials(repoUrl);
    if (repoUrl != null && !repoUrl.equals(redacted)) {
      throw new UsageException("--repo-url", "'" + redacted + "' carries credentials,"
          + " which would be written into the manifests (and committed with them); expected the URL without them",
          "give Argo CD or Flux the credentials as a Secret instead (Argo CD: a repository Secret labelled"
              + " argocd.argoproj.io/secret-type=repository; Flux: the GitRepository's secretRef)");
    }
  }

  public String argoApplications(ResolvedPlatform platform, List<String> environments) {
    refuseSharedReleases(platform, environments, cluster -> cluster.argoDestination());
    StringBuilder out = new StringBuilder();
    for (String environment : environments) {
      out.append("---\n").append(YamlText.dump(argoApplication(platform, platform.environment(environment))));
    }
    return out.toString();
  }

  public String argoApplicationSet(ResolvedPlatform platform) {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
    List<String> names = List.copyOf(platform.repo().environments().keySet());
    refuseSharedReleases(platform, names, cluster -> cluster.argoDestination());
    // One template addresses every cluster the same way: all by server URL, or all by name.
    boolean byName = platform.repo().environments().values().stream()
        .allMatch(environment -> environment.cluster().server() == null && environment.cluster().name() != null);
    List<Object> elements = new ArrayList<>();
    for (EnvironmentSpec environment : platform.repo().environments().values()) {
      EnvironmentSpec.ClusterSpec cluster = environment.cluster();
      if (!byName && cluster.server() == null && cluster.name() != null) {
        throw SpecException.of(Problem.at(environment.origin().of("cluster"), "cluster.name",
            "an ApplicationSet addresses every cluster by server URL unless all environments name theirs;"
                + " '" + environment.name() + "' gives only a name (expected cluster.server here, or a name in"
                + " every environment, or --format argocd for one Application per environment)"));
      }
      elements.add(byName ? ordered("env", environment.name(), "cluster", cluster.name())
          : ordered("env", environment.name(), "server", cluster.server() == null
              ? EnvironmentSpec.ClusterSpec.IN_CLUSTER : cluster.server()));
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("apiVersion", "argoproj.io/v1alpha1");
    set.put("kind", "ApplicationSet");
    set.put("metadata", ordered("name", umbrella.name(), "namespace", "argocd"));
    set.put("spec", ordered(
        "goTemplate", true,
        "generators", List.of(ordered("list", ordered("elements", elements))),
        "template", ordered(
            "metadata", ordered("name", umbrella.name() + "-{{.env}}"),
            "spec", ordered(
                "project", "default",
                "source", ordered("repoURL", repoUrl, "targetRevision", revision, "path", chartPath,
                    "helm", ordered("releaseName", umbrella.name(), "valueFiles", List.of("values-{{.env}}.yaml"))),
                "destination", byName ? ordered("name", "{{.cluster}}", "namespace", umbrella.namespace())
                    : ordered("server", "{{.server}}", "namespace", umbrella.namespace()),
                "syncPolicy", syncPolicy()))));
    return "---\n" + YamlText.dump(set);
  }

  public String flux(ResolvedPlatform platform, List<String> environments) {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
    refuseSharedReleases(platform, environments, cluster -> cluster.fluxKubeConfigSecret() == null
        ? "Flux's own cluster" : "the cluster of secret " + cluster.fluxKubeConfigSecret());
    StringBuilder out = new StringBuilder();
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("apiVersion", "source.toolkit.fluxcd.io/v1");
    source.put("kind", "GitRepository");
    source.put("metadata", ordered("name", umbrella.name() + "-config", "namespace", "flux-system"));
    source.put("spec", ordered("interval", "1m", "url", repoUrl, "ref", revisionRef()));
    out.append("---\n").append(YamlText.dump(source));
    for (String environment : environments) {
      Map<String, Object> release = new LinkedHashMap<>();
      release.put("apiVersion", "helm.toolkit.fluxcd.io/v2");
      release.put("kind", "HelmRelease");
      release.put("metadata", ordered("name", umbrella.name() + "-" + environment, "namespace", "flux-system"));
      Map<String, Object> spec = ordered(
          "interval", "5m",
          "releaseName", umbrella.name(),
          "targetNamespace", umbrella.namespace(),
          "install", ordered("createNamespace", true),
          "chart", ordered("spec", ordered(
              "chart", chartPath,
              "reconcileStrategy", "Revision",
              "sourceRef", ordered("kind", "GitRepository", "name", umbrella.name() + "-config"),
              "valuesFiles", List.of(chartPath + "/values.yaml", chartPath + "/values-" + environment + ".yaml"))));
      String secret = platform.environment(environment).cluster().fluxKubeConfigSecret();
      if (secret != null) {
        spec.put("kubeConfig", ordered("secretRef", ordered("name", secret)));
      }
      release.put("spec", spec);
      out.append("---\n").append(YamlText.dump(release));
    }
    return out.toString();
  }

  private Map<String, Object> argoApplication(ResolvedPlatform platform, EnvironmentSpec environment) {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("apiVersion", "argoproj.io/v1alpha1");
    application.put("kind", "Application");
    application.put("metadata", ordered("name", umbrella.name() + "-" + environment.name(), "namespace", "argocd"));
    application.put("spec", ordered(
        "project", "default",
        "source", ordered("repoURL", repoUrl, "targetRevision", revision, "path", chartPath,
            "helm", ordered("releaseName", umbrella.name(), "valueFiles", List.of("values-" + environment.name() + ".yaml"))),
        "destination", destination(environment.cluster(), umbrella.namespace()),
        "syncPolicy", syncPolicy()));
    return application;
  }

  private static Map<String, Object> destination(EnvironmentSpec.ClusterSpec cluster, String namespace) {
    if (cluster.server() == null && cluster.name() != null) {
      return ordered("name", cluster.name(), "namespace", namespace);
    }
    return ordered("server", cluster.server() == null ? EnvironmentSpec.ClusterSpec.IN_CLUSTER : cluster.server(),
        "namespace", namespace);
  }

  /**
   * Refuses output in which two environments would install the same release (name and
   * namespace) into the same cluster: they would overwrite each other on every sync.
   */
  private static void refuseSharedReleases(ResolvedPlatform platform, List<String> environments,
      java.util.function.Function<EnvironmentSpec.ClusterSpec, String> clusterOf) {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
    Map<String, String> owner = new TreeMap<>();
    for (String name : environments) {
      EnvironmentSpec environment = platform.environment(name);
      String cluster = clusterOf.apply(environment.cluster());
      String previous = owner.putIfAbsent(cluster, name);
      if (previous != null) {
        throw SpecException.of(Problem.at(environment.origin().of("cluster"), "cluster",
            "environments '" + previous + "' and '" + name + "' would both own release '" + umbrella.name()
                + "' in namespace '" + umbrella.namespace() + "' on " + cluster + " (expected each environment"
                + " on its own cluster: set cluster.name or cluster.server, or cluster.fluxKubeConfigSecret for"
                + " Flux, in environments/" + name + ".yaml; or print one environment with --env)"));
      }
    }
  }

  private static Map<String, Object> syncPolicy() {
    return ordered("automated", ordered("prune", true, "selfHeal", true),
        "syncOptions", List.of("CreateNamespace=true"));
  }

  /** Flux takes a branch, a tag or a commit in different fields; a 40-hex revision is a commit. */
  private Map<String, Object> revisionRef() {
    if (revision.matches("[0-9a-f]{40}")) {
      return ordered("commit", revision);
    }
    if (revision.startsWith("v") && revision.matches("v[0-9].*")) {
      return ordered("tag", revision);
    }
    return ordered("branch", revision);
  }
}
