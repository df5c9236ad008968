package dev.chartfactory.core.error;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "did you mean …?" for misspelt field names and enum values. */
public final class Suggestions {

  private Suggestions() {}

  /** The closest candidate within a small edit distance, if any. */
  public static Optional<String> closest(String typo, Collection<String> candidates) {
    int tolerance = Math.max(1, Math.min(3, typo.length() / 3));
    return candidates.stream()
        .filter(c -> distance(typo.toLowerCase(), c.toLowerCase()) <= tolerance)
        .min(Comparator.comparingInt((String c) -> distance(typo.toLowerCase(), c.toLowerCase()))
            .thenComparing(c -> c));
  }

  /** A hint for the problem, or null when nothing is close. */
  public static String hint(String typo, Collection<String> candidates) {
    return closest(typo, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
  }

  static int distance(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          // A swap of two neighbouring letters ("prot" for "port") counts as one edit.
          current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
        }
      }
      int[] oldest = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = oldest;
    }
    return previous[b.length()];
  }
}
