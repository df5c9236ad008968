package dev.chartfactory.core.load;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's YAML 1.1 type resolution, with shortcuts for the scalars specs are mostly made
 * of: words and plain numbers. SnakeYAML tries regular expressions on every scalar, a sixth of
 * the time spent parsing a spec. Anything the shortcuts do not decide goes to SnakeYAML, so the
 * result is always the same as its own.
 */
final class PlainScalarResolver extends Resolver {

  /** Shared: the resolver only reads its tables once built. */
  static final PlainScalarResolver INSTANCE = new PlainScalarResolver();

  /** First letters of the YAML 1.1 booleans (yes, no, true, false, on, off) and nulls (null). */
  private static final String KEYWORD_STARTS = "yYnNtTfFoO";
  /** "false", the longest of them. */
  private static final int LONGEST_KEYWORD = 5;

  private PlainScalarResolver() {}

  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind == NodeId.scalar && implicit && !value.isEmpty()) {
      char first = value.charAt(0);
      boolean letter = first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z';
      if (letter && (value.length() > LONGEST_KEYWORD || KEYWORD_STARTS.indexOf(first) < 0)) {
        return Tag.STR;
      }
      if (first >= '1' && first <= '9' && allDigits(value)) {
        return Tag.INT;
      }
    }
    return super.resolve(kind, value, implicit);
  }

  private static boolean allDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
