package dev.chartfactory.core.api;

import java.util.List;

/**
 * One chart folder that generation changes (or would change), with the files it adds, changes
 * and removes, relative to the folder.
 */
public record ChangedChart(String folder, List<String> added, List<String> changed, List<String> removed) {

  public ChangedChart {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }
}
