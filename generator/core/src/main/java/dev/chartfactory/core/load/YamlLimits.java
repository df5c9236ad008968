package dev.chartfactory.core.load;

/**
 * Bounds that keep a hostile or broken spec file from exhausting memory or time.
 *
 * @param maxFileBytes files larger than this are refused before they are read
 * @param maxAliases aliases to collections allowed per document (billion-laughs defence)
 * @param maxNestingDepth maximum depth of nested maps and lists
 * @param maxNodes maximum number of values after aliases are expanded
 */
public record YamlLimits(long maxFileBytes, int maxAliases, int maxNestingDepth, int maxNodes) {

  /** Generous for real specs (a large app.yaml is a few hundred KiB), tight for attacks. */
  public static final YamlLimits DEFAULT = new YamlLimits(2L * 1024 * 1024, 50, 64, 200_000);
}
