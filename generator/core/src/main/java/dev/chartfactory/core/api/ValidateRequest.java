package dev.chartfactory.core.api;

/**
 * What {@link SpecFiles#validate} should check.
 *
 * @param repo the config repo folder
 * @param specsOnly check the spec files only (no helm needed); otherwise render every chart ×
 *     environment with helm and check the manifests too
 * @param noCache validate every environment again, ignoring results kept from earlier runs
 */
public record ValidateRequest(String repo, boolean specsOnly, boolean noCache) {

  public ValidateRequest {
    repo = repo == null || repo.isBlank() ? "." : repo;
  }
}
