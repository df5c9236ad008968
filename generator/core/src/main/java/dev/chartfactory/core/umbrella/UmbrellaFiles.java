package dev.chartfactory.core.umbrella;

import dev.chartfactory.core.render.RenderedChart;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a generated umbrella chart's files: which apps it depends on (its Chart.yaml read as an
 * {@link UmbrellaChartYaml}), its values, and whether two versions of it render the same objects
 * of their own. Values files of large platforms hold thousands of app blocks, so they are split
 * into top-level blocks by a line scanner rather than parsed whole; anything not in the layout
 * the generator writes (a quoted key, flow style) is parsed instead.
 */
public final class UmbrellaFiles {

  private UmbrellaFiles() {}

  /** The names in the umbrella's Chart.yaml dependencies. */
  public static Set<String> appNames(RenderedChart umbrella) {
    return UmbrellaChartYaml.parse(umbrella.files().get("Chart.yaml")).appNames();
  }

  /** A values (or Chart.yaml) file as a mutable map; empty when absent or not a mapping. */
  public static Map<String, Object> yaml(String text) {
    if (text == null) {
      return new LinkedHashMap<>();
    }
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = loaded instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
        : new LinkedHashMap<>();
    return map;
  }

  /**
   * A values file split into its top-level blocks, key → the block's lines (key line included),
   * in file order, without the leading comments; null when the file is not in the block layout
   * the generator writes (a flow-style or multi-document file, a repeated key), so callers fall
   * back to reading it whole. Values files of large platforms hold thousands of app blocks; this
   * is much cheaper than parsing them.
   */
  public static LinkedHashMap<String, String> blocks(String valuesYaml) {
    LinkedHashMap<String, String> blocks = new LinkedHashMap<>();
    if (valuesYaml == null) {
      return blocks;
    }
    String key = null;
    int blockStart = 0;
    int at = 0;
    int length = valuesYaml.length();
    while (at < length) {
      int end = valuesYaml.indexOf('\n', at);
      int next = end < 0 ? length : end + 1;
      char first = valuesYaml.charAt(at);
      if (first != ' ' && first != '#' && first != '\n') {
        String name = topLevelKey(valuesYaml, at, end < 0 ? length : end);
        if (name == null) {
          return null;
        }
        if (key != null && blocks.put(key, valuesYaml.substring(blockStart, at)) != null) {
          return null;
        }
        key = name;
        blockStart = at;
      } else if (key == null) {
        blockStart = next;
      }
      at = next;
    }
    if (key != null && blocks.put(key, valuesYaml.substring(blockStart)) != null) {
      return null;
    }
    return blocks;
  }

  /** {@code name:} or {@code name: value} at column 0 with a plain key; null for any other line. */
  private static String topLevelKey(String text, int start, int end) {
    int colon = text.indexOf(':', start);
    if (colon < 0 || colon >= end || colon == start) {
      return null;
    }
    for (int i = start; i < colon; i++) {
      char c = text.charAt(i);
      boolean plain = Character.isLetterOrDigit(c) || c == '_' || (i > start && (c == '.' || c == '-'));
      if (!plain) {
        return null;
      }
    }
    return colon + 1 == end || text.charAt(colon + 1) == ' ' ? text.substring(start, colon) : null;
  }

  /**
   * The values file without the blocks of apps in {@code dropped}; null when it is not in the
   * generator's block layout.
   */
  public static String withoutApps(String valuesYaml, Set<String> dropped) {
    Map<String, String> blocks = blocks(valuesYaml);
    if (blocks == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    blocks.forEach((key, block) -> {
      if (!dropped.contains(key)) {
        out.append(block);
      }
    });
    return out.toString();
  }

  /**
   * The text without the top-level blocks named {@code keys} (as the generator writes them:
   * {@code key:} at the start of a line, its content indented below).
   */
  static String withoutBlocks(String text, Set<String> keys) {
    StringBuilder out = new StringBuilder(text);
    for (String key : keys) {
      int start = out.indexOf(key + ":") == 0 ? 0 : lineStartOf(out, "\n" + key + ":");
      if (start < 0) {
        continue;
      }
      int end = start;
      do {
        int newline = out.indexOf("\n", end);
        end = newline < 0 ? out.length() : newline + 1;
      } while (end < out.length() && (out.charAt(end) == ' ' || out.charAt(end) == '#' || out.charAt(end) == '\n'));
      out.delete(start, end);
    }
    return out.toString();
  }

  /** Where a line that starts with {@code "\n" + prefix} begins (after the newline), or -1. */
  private static int lineStartOf(StringBuilder text, String newlinePrefix) {
    int at = text.indexOf(newlinePrefix);
    while (at >= 0) {
      int after = at + newlinePrefix.length();
      if (after == text.length() || text.charAt(after) == ' ' || text.charAt(after) == '\n') {
        return at + 1;
      }
      at = text.indexOf(newlinePrefix, at + 1);
    }
    return -1;
  }

  /**
   * Whether both umbrellas surely render the same objects of their own: the same templates, the
   * same Chart.yaml apart from its dependencies, and the same text in the shared (non-app)
   * blocks of every values file. Subcharts cannot change the umbrella's own objects. False when
   * in doubt (a values file not in the generator's layout).
   */
  public static boolean sameOwnObjects(RenderedChart before, RenderedChart after) {
    Set<String> apps = new TreeSet<>(appNames(before));
    apps.addAll(appNames(after));
    return sameOwnObjects(before, after, apps, Set.of());
  }

  /**
   * The same, faster when only the blocks of {@code changedApps} are expected to differ (the apps
   * a diff renders): each values file is first compared whole without those blocks, and split
   * into blocks only when that finds a difference.
   */
  public static boolean sameOwnObjects(RenderedChart before, RenderedChart after, Set<String> changedApps) {
    Set<String> apps = new TreeSet<>(appNames(before));
    apps.addAll(appNames(after));
    return sameOwnObjects(before, after, apps, changedApps);
  }

  private static boolean sameOwnObjects(RenderedChart before, RenderedChart after, Set<String> apps,
      Set<String> changedApps) {
    Set<String> files = new TreeSet<>(before.files().keySet());
    files.addAll(after.files().keySet());
    for (String file : files) {
      String old = before.files().get(file);
      String now = after.files().get(file);
      if (file.equals("Chart.yaml")) {
        if (!UmbrellaChartYaml.parse(old).withoutDependencies().equals(UmbrellaChartYaml.parse(now).withoutDependencies())) {
          return false;
        }
      } else if (file.startsWith("values") && file.endsWith(".yaml")) {
        if (old != null && now != null && !changedApps.isEmpty() && withoutBlocks(old, changedApps).equals(withoutBlocks(now, changedApps))) {
          continue;
        }
        Map<String, String> oldBlocks = blocks(old);
        Map<String, String> newBlocks = blocks(now);
        if (oldBlocks == null || newBlocks == null) {
          return false;
        }
        oldBlocks.keySet().removeAll(apps);
        newBlocks.keySet().removeAll(apps);
        if (!oldBlocks.equals(newBlocks)) {
          return false;
        }
      } else if (!Objects.equals(old, now)) {
        return false;
      }
    }
    return true;
  }
}
