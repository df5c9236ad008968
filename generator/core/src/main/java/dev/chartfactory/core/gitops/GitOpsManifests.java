package dev.chartfactory.core.gitops;

import static dev.chartfactory.core.render.ValuesBuilder.ordered;

import dev.chartfactory.core.render.YamlText;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Manifests that let Argo CD or Flux deploy the umbrella chart straight from the config repo:
 * an Argo CD {@code Application} per environment, one {@code ApplicationSet} over all
 * environments, or a Flux {@code GitRepository} with a {@code HelmRelease} per environment.
 *
 * @param repoUrl the Git URL Argo CD or Flux clones
 * @param revision branch, tag or commit to follow
 * @param chartPath the umbrella chart's folder in the repo ({@code umbrella-chart})
 */
public record GitOpsManifests(String repoUrl, String revision, String chartPath) {

  public String argoApplications(ResolvedPlatform platform, List<String> environments) {
    StringBuilder out = new StringBuilder();
    for (String environment : environments) {
      out.append("---\n").append(YamlText.dump(argoApplication(platform, platform.environment(environment))));
    }
    return out.toString();
  }

  public String argoApplicationSet(ResolvedPlatform platform) {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
    List<Object> elements = new ArrayList<>();
    for (EnvironmentSpec environment : platform.repo().environments().values()) {
      elements.add(ordered("env", environment.name()));
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
                "destination", ordered("server", "https://kubernetes.default.svc", "namespace", umbrella.namespace()),
                "syncPolicy", syncPolicy()))));
    return "---\n" + YamlText.dump(set);
  }

  public String flux(ResolvedPlatform platform, List<String> environments) {
    FactorySpec.UmbrellaSpec umbrella = platform.factory().umbrella();
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
      release.put("spec", ordered(
          "interval", "5m",
          "releaseName", umbrella.name(),
          "targetNamespace", umbrella.namespace(),
          "install", ordered("createNamespace", true),
          "chart", ordered("spec", ordered(
              "chart", chartPath,
              "reconcileStrategy", "Revision",
              "sourceRef", ordered("kind", "GitRepository", "name", umbrella.name() + "-config"),
              "valuesFiles", List.of(chartPath + "/values.yaml", chartPath + "/values-" + environment + ".yaml")))));
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
        "destination", ordered("server", "https://kubernetes.default.svc", "namespace", umbrella.namespace()),
        "syncPolicy", syncPolicy()));
    return application;
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
