package dev.chartfactory.core.api;

/**
 * What {@link Delivery#gitOps} should write.
 *
 * @param repo the config repo folder
 * @param repoUrl the Git URL Argo CD or Flux clones
 * @param revision the branch, tag or commit to follow
 * @param environment one environment; null for all
 */
public record GitOpsRequest(String repo, GitOpsFormat format, String repoUrl, String revision,
    String environment) {

  public GitOpsRequest {
    repo = repo == null || repo.isBlank() ? "." : repo;
  }
}
