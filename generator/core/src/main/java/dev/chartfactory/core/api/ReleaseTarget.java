package dev.chartfactory.core.api;

/**
 * Which umbrella release a release operation acts on, and through which cluster: the release
 * named in the config repo's {@code factory.yaml}, in the cluster of one environment.
 *
 * @param repo the config repo folder ({@code --repo})
 * @param environment the environment whose cluster to use ({@code cluster:} in
 *     {@code environments/<env>.yaml}); null for the current kube context
 * @param kubeconfig a kubeconfig file that overrides the environment's; empty for the default
 */
public record ReleaseTarget(String repo, String environment, String kubeconfig) {

  public ReleaseTarget {
    repo = repo == null || repo.isBlank() ? "." : repo;
    kubeconfig = kubeconfig == null ? "" : kubeconfig.strip();
  }
}
