package dev.chartfactory.core.api;

import java.util.List;

/**
 * What {@link Delivery#sync} did.
 *
 * @param packagedCharts the chart archives now in {@code umbrella-chart/charts/}
 * @param lintedValuesFiles the umbrella's values files {@code helm lint --strict} passed with, in order
 */
public record SyncResult(long packagedCharts, List<String> lintedValuesFiles) {

  public SyncResult {
    lintedValuesFiles = List.copyOf(lintedValuesFiles);
  }
}
