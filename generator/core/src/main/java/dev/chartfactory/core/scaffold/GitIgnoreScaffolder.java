package dev.chartfactory.core.scaffold;

import dev.chartfactory.core.spec.RepoLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code .gitignore} a config repo needs: what {@code helm dependency build} writes into the
 * umbrella chart ({@code make sync}), and Chart Factory's local state. A user's own file is kept
 * as written; only the entries it lacks are appended.
 */
public final class GitIgnoreScaffolder {

  /** Where the file lives, relative to the config repo. */
  public static final String PATH = ".gitignore";

  /** The entries, in the order they are appended. */
  public static final List<String> ENTRIES = List.of(
      RepoLayout.UMBRELLA_CHART + "/charts/",
      RepoLayout.UMBRELLA_CHART + "/Chart.lock",
      RepoLayout.UMBRELLA_CHART + "/tmpcharts/",
      RepoLayout.STATE_FOLDER + "/");

  private static final String HEADER =
      "# Chart Factory: helm dependency build output (make sync) and the tool's local state\n";

  /**
   * The text to write, or null when {@code existing} (null: no file yet) already ignores every
   * entry. An entry counts as present in any spelling git treats alike here: with or without a
   * leading or trailing {@code /}.
   */
  public String merged(String existing) {
    Set<String> present = new HashSet<>();
    if (existing != null) {
      for (String line : existing.split("\r?\n")) {
        present.add(normalized(line));
      }
    }
    List<String> missing = ENTRIES.stream().filter(entry -> !present.contains(normalized(entry))).toList();
    if (missing.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder(existing == null ? "" : existing);
    if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
    if (!text.isEmpty()) {
      text.append('\n');
    }
    text.append(HEADER);
    missing.forEach(entry -> text.append(entry).append('\n'));
    return text.toString();
  }

  private static String normalized(String line) {
    String entry = line.strip();
    while (entry.startsWith("/")) {
      entry = entry.substring(1);
    }
    while (entry.endsWith("/")) {
      entry = entry.substring(0, entry.length() - 1);
    }
    return entry;
  }
}
