package dev.chartfactory.core.api;

/**
 * What {@link ChartFactory#check} compares: the committed charts of a config repo folder with what
 * its specs generate.
 *
 * @param repo the config repo folder
 * @param base pull-request mode: the target branch or commit, or null; then only the apps
 *     changed since it are rendered, and the diff says what the pull request changes
 * @param format how the object diff is written
 */
public record CheckRequest(String repo, String base, OutputFormat format) {

  public CheckRequest {
    repo = repo == null || repo.isBlank() ? "." : repo;
  }
}
