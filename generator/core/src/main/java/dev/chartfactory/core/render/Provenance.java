package dev.chartfactory.core.render;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which config-repo commit generated charts came from. Recorded only when a commit is known
 * (reading from a Git ref, or generating to commit): each {@code Chart.yaml} gets the
 * annotation {@code chartfactory.dev/source-commit}, and the umbrella's {@code values.yaml}
 * sets {@code global.sourceCommit}, which the chart templates turn into a label on every object.
 * {@link #NONE} changes nothing, so a plain run stays byte-identical to one without Git.
 *
 * @param sourceCommit the full commit id, or empty when unknown
 */
public record Provenance(String sourceCommit) {

  public static final Provenance NONE = new Provenance("");
  public static final String ANNOTATION = "chartfactory.dev/source-commit";

  private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern RECORDED =
      Pattern.compile("(?m)^  " + Pattern.quote(ANNOTATION) + ": '([0-9a-f]+)'$");
  private static final String EMPTY_GLOBAL = "\n  sourceCommit: ''\n";

  public Provenance {
    if (sourceCommit == null) {
      sourceCommit = "";
    }
    if (!sourceCommit.isEmpty() && !COMMIT_ID.matcher(sourceCommit).matches()) {
      throw new IllegalArgumentException("not a full commit id: '" + sourceCommit + "'");
    }
  }

  public static Provenance ofCommit(String commitId) {
    return new Provenance(commitId);
  }

  public boolean isKnown() {
    return !sourceCommit.isEmpty();
  }

  /** The provenance a generated Chart.yaml records, or {@link #NONE}. */
  public static Provenance recordedIn(String chartYaml) {
    Matcher matcher = RECORDED.matcher(chartYaml);
    return matcher.find() ? new Provenance(matcher.group(1)) : NONE;
  }

  /**
   * The chart with this provenance recorded. Works on the generated text, whose shape the
   * renderers fix (annotations last in an app's Chart.yaml, {@code global.sourceCommit: ''} in
   * the umbrella's values), so the stamp is the same bytes every time.
   */
  public RenderedChart stamp(RenderedChart chart) {
    if (!isKnown()) {
      return chart;
    }
    SortedMap<String, String> files = new TreeMap<>(chart.files());
    String line = "  " + ANNOTATION + ": '" + sourceCommit + "'\n";
    String chartYaml = files.get("Chart.yaml");
    if (chartYaml != null) {
      files.put("Chart.yaml", endsWithAnnotations(chartYaml)
          ? chartYaml + line : chartYaml + "annotations:\n" + line);
    }
    String values = files.get("values.yaml");
    if (chart.isUmbrella() && values != null && values.contains(EMPTY_GLOBAL)) {
      files.put("values.yaml", values.replaceFirst(Pattern.quote(EMPTY_GLOBAL),
          Matcher.quoteReplacement("\n  sourceCommit: '" + sourceCommit + "'\n")));
    }
    return new RenderedChart(chart.name(), chart.folder(), files);
  }

  /** True when the last top-level key is {@code annotations:} (only its entries follow it). */
  private static boolean endsWithAnnotations(String yaml) {
    int at = yaml.lastIndexOf("\nannotations:\n");
    if (at < 0) {
      return false;
    }
    for (String rest : yaml.substring(at + "\nannotations:\n".length()).split("\n")) {
      if (!rest.isEmpty() && !rest.startsWith("  ")) {
        return false;
      }
    }
    return true;
  }
}
