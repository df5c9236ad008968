package dev.chartfactory.core.helm;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code helm lint} of one or more charts in one helm run, e.g.
 * {@code HelmLint.of(chart).values(List.of(valuesDev)).strict().run(helm)}.
 *
 * @param charts the charts to lint; at least one
 * @param valuesFiles passed as {@code --values}, in order
 * @param failOnWarnings {@code --strict}: warnings fail too
 */
public record HelmLint(List<Path> charts, List<Path> valuesFiles, boolean failOnWarnings) {

  public HelmLint {
    charts = List.copyOf(charts);
    valuesFiles = List.copyOf(valuesFiles);
    if (charts.isEmpty()) {
      throw new IllegalArgumentException("no chart to lint");
    }
  }

  public static HelmLint of(Path chart) {
    return of(List.of(chart));
  }

  public static HelmLint of(List<Path> charts) {
    return new HelmLint(charts, List.of(), false);
  }

  public HelmLint values(List<Path> files) {
    return new HelmLint(charts, files, failOnWarnings);
  }

  public HelmLint strict() {
    return new HelmLint(charts, valuesFiles, true);
  }

  /**
   * @return helm's report (it includes {@code [INFO]} lines even when the charts pass)
   * @throws HelmException when a chart fails; the message includes helm's report
   */
  public String run(HelmCli helm) {
    return helm.lint(charts, valuesFiles, failOnWarnings);
  }
}
