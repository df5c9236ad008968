package dev.chartfactory.core.render;

import dev.chartfactory.core.spec.RepoLayout;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of one generated chart, by path relative to the chart's folder, in memory: nothing
 * is written until every chart rendered and validated.
 *
 * @param name the chart's name (its folder under charts/, or the umbrella's)
 * @param folder where it is written, relative to the output root ({@code charts/shop})
 */
public record RenderedChart(String name, String folder, SortedMap<String, String> files) {

  /** Where the umbrella chart is written, relative to the output root. */
  public static final String UMBRELLA_FOLDER = RepoLayout.UMBRELLA_CHART;

  public RenderedChart {
    files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  public boolean isUmbrella() {
    return folder.equals(UMBRELLA_FOLDER);
  }

  /** The umbrella among {@code charts}, if there is one. */
  public static java.util.Optional<RenderedChart> umbrellaIn(java.util.Collection<RenderedChart> charts) {
    return charts.stream().filter(RenderedChart::isUmbrella).findFirst();
  }
}
