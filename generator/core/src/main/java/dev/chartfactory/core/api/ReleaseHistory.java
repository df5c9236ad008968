package dev.chartfactory.core.api;

import java.util.List;

/**
 * The umbrella release's revisions, oldest first, as {@code helm history} reports them, each with
 * the operation that made it.
 */
public record ReleaseHistory(String release, String namespace, List<Revision> revisions) {

  public ReleaseHistory {
    revisions = List.copyOf(revisions);
  }

  /**
   * One revision.
   *
   * @param updated when Helm recorded it, as Helm prints it
   * @param operation the operation log's entry for it; null when the log has none
   */
  public record Revision(int revision, String updated, String status, String chart, String appVersion,
      String description, ReleaseOperation operation) {}
}
