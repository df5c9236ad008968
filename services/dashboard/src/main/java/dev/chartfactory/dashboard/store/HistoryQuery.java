package dev.chartfactory.dashboard.store;

import java.time.Instant;

/**
 * A filter over pod status history; every field but namespace, page and size is optional.
 *
 * @param namespace namespace to look in
 * @param podName part of the pod name (case-insensitive, matched literally)
 * @param status exact status
 * @param from inclusive lower bound of the observation time
 * @param to exclusive upper bound of the observation time
 * @param page zero-based page
 * @param size rows per page (1-500)
 */
public record HistoryQuery(
    String namespace, String podName, String status, Instant from, Instant to, int page, int size) {

  public static final int MAX_SIZE = 500;

  public HistoryQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page: " + page + " must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size: " + size + " is out of range (1-" + MAX_SIZE + ")");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from: must be before to");
    }
  }
}
