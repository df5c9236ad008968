package dev.chartfactory.core.api;

/**
 * What {@link ChartFactory#diff} compares, per environment, as Kubernetes objects.
 *
 * @param repo the config repo folder
 * @param environment one environment, or null for all
 * @param from compare the specs at this Git ref, or null for the committed charts
 * @param to with {@code from}: the specs at this Git ref, or null for the work tree
 * @param format how the diff is written
 */
public record DiffRequest(String repo, String environment, String from, String to, OutputFormat format) {

  public DiffRequest {
    repo = repo == null || repo.isBlank() ? "." : repo;
  }
}
