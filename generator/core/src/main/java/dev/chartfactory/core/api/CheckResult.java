package dev.chartfactory.core.api;

import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.StaleOutputException;
import java.util.List;

/**
 * What {@link ChartFactory#check} found.
 *
 * @param objectDiff per environment, the Kubernetes objects and fields the specs change; empty
 *     when there is nothing to show
 * @param stale one problem per stale file, then what the checks of the new objects found
 *     wrong; empty when the charts are up to date
 * @param staleSummary what to do about it; empty when up to date
 */
public record CheckResult(String objectDiff, List<Problem> stale, String staleSummary) {

  public CheckResult {
    stale = List.copyOf(stale);
  }

  public boolean upToDate() {
    return staleSummary.isEmpty();
  }

  /** @throws StaleOutputException listing the stale files, unless the charts are up to date */
  public void requireUpToDate() {
    if (!upToDate()) {
      throw new StaleOutputException(staleSummary, stale);
    }
  }
}
