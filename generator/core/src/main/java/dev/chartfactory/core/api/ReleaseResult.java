package dev.chartfactory.core.api;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a deploy, rollback or uninstall did, in one summary (the line the operation log records).
 *
 * @param summary e.g. {@code upgraded platform in namespace platform with dev: revision 4, deployed}
 * @param objectsByKind for a dry-run deploy, the objects it would apply per kind; empty otherwise
 */
public record ReleaseResult(String summary, SortedMap<String, Integer> objectsByKind) {

  public ReleaseResult {
    objectsByKind = Collections.unmodifiableSortedMap(new TreeMap<>(objectsByKind));
  }

  static ReleaseResult of(String summary) {
    return new ReleaseResult(summary, new TreeMap<>());
  }
}
