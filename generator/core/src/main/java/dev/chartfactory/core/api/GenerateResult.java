package dev.chartfactory.core.api;

import java.util.List;

/**
 * What {@link ChartFactory#generate} did.
 *
 * @param changes the chart folders written (or, in a dry run, that would be), sorted by folder
 * @param dryRun whether nothing was written
 * @param source where the specs were read, e.g. {@code main at 3f2a9c1}; empty for the work tree
 * @param commitRequested whether the request asked for a commit
 * @param commit the new commit's short id and first line; empty when none was made
 * @param pushedTo {@code <short id> to origin/<branch>}; empty when nothing was pushed
 */
public record GenerateResult(List<ChangedChart> changes, boolean dryRun, String source, boolean commitRequested,
    String commit, String pushedTo) {

  public GenerateResult {
    changes = List.copyOf(changes);
  }
}
