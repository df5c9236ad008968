package dev.chartfactory.core.umbrella;

import dev.chartfactory.core.render.RenderedChart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a generated umbrella chart's files: which apps it depends on, its values, and whether
 * two versions of it render the same objects of their own.
 */
public final class UmbrellaFiles {

  private UmbrellaFiles() {}

  /** The names in the umbrella's Chart.yaml dependencies. */
  public static Set<String> appNames(RenderedChart umbrella) {
    Set<String> names = new TreeSet<>();
    if (yaml(umbrella.files().get("Chart.yaml")).get("dependencies") instanceof List<?> dependencies) {
      for (Object dependency : dependencies) {
        if (dependency instanceof Map<?, ?> entry && entry.get("name") != null) {
          names.add(String.valueOf(entry.get("name")));
        }
      }
    }
    return names;
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
    StringBuilder block = new StringBuilder();
    String[] lines = valuesYaml.split("\n", -1);
    // The text after the last newline; empty for a file that ends with one.
    int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      boolean topLevel = !line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '#';
      if (topLevel) {
        java.util.regex.Matcher matcher = TOP_LEVEL_KEY.matcher(line);
        if (!matcher.matches()) {
          return null;
        }
        if (key != null && blocks.put(key, block.toString()) != null) {
          return null;
        }
        key = matcher.group(1);
        block.setLength(0);
      } else if (key == null) {
        continue;
      }
      block.append(line).append('\n');
    }
    if (key != null && blocks.put(key, block.toString()) != null) {
      return null;
    }
    return blocks;
  }

  /** {@code name:} or {@code name: value} at column 0, with a plain (unquoted) key. */
  private static final java.util.regex.Pattern TOP_LEVEL_KEY =
      java.util.regex.Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: .*)?");

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
   * Whether both umbrellas surely render the same objects of their own: the same templates, the
   * same Chart.yaml apart from its dependencies, and the same text in the shared (non-app)
   * blocks of every values file. Subcharts cannot change the umbrella's own objects. False when
   * in doubt (a values file not in the generator's layout).
   */
  public static boolean sameOwnObjects(RenderedChart before, RenderedChart after) {
    Set<String> files = new TreeSet<>(before.files().keySet());
    files.addAll(after.files().keySet());
    Set<String> apps = new TreeSet<>(appNames(before));
    apps.addAll(appNames(after));
    for (String file : files) {
      String old = before.files().get(file);
      String now = after.files().get(file);
      if (file.equals("Chart.yaml")) {
        Map<String, Object> oldChart = yaml(old);
        Map<String, Object> newChart = yaml(now);
        oldChart.remove("dependencies");
        newChart.remove("dependencies");
        if (!oldChart.equals(newChart)) {
          return false;
        }
      } else if (file.startsWith("values") && file.endsWith(".yaml")) {
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
