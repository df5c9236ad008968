package dev.chartfactory.dashboard.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One observed state of a pod or workload, as the informers saw it.
 *
 * @param kind what changed
 * @param namespace its namespace
 * @param name its name
 * @param uid its UID, stable for the object's lifetime
 * @param status the derived status ({@code Running}, {@code Deleted}, {@code Available}, ...)
 * @param node the node a pod runs on, or null
 * @param resourceVersion the object's resourceVersion as a number; replays carry the same or an
 *     older one, which is what makes writes idempotent (-1 when not numeric)
 * @param observedAt when the dashboard saw it
 */
public record ClusterChange(
    ResourceKind kind,
    String namespace,
    String name,
    String uid,
    String status,
    String node,
    long resourceVersion,
    Instant observedAt) {

  /** Status recorded when an object disappears. */
  public static final String DELETED = "Deleted";

  public ClusterChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(observedAt, "observedAt");
  }

  /** Parses a resourceVersion; Kubernetes calls it opaque, but every API server uses numbers. */
  public static long parseResourceVersion(String resourceVersion) {
    if (resourceVersion == null) {
      return -1;
    }
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
