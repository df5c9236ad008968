package dev.chartfactory.core.write;

import java.util.List;

/**
 * How one chart folder on disk differs from what was generated.
 *
 * @param folder e.g. {@code charts/shop}
 * @param added files that are new; {@code changed} differ; {@code removed} are no longer generated
 */
public record ChartChange(String folder, List<String> added, List<String> changed, List<String> removed) {

  public ChartChange {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  public int size() {
    return added.size() + changed.size() + removed.size();
  }
}
