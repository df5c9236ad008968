package dev.chartfactory.core.umbrella;

import dev.chartfactory.core.render.GoYamlScalars;
import dev.chartfactory.core.render.YamlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The umbrella's Chart.yaml as a model: its fields in file order and its dependencies as
 * records. The renderer builds it, edits (keeping only some apps) work on it, and it becomes
 * text only at the end, through {@link YamlText}, so names that YAML quotes ({@code 'y'},
 * {@code 'on'}) are handled like any other.
 *
 * @param header the comment lines before the first key (empty or ending in a newline)
 * @param fields every top-level field but {@code dependencies}, in order
 * @param dependencies one per app chart
 */
public record UmbrellaChartYaml(String header, Map<String, Object> fields, List<Dependency> dependencies) {

  /** Resolves plain scalars as SnakeYAML and Go's YAML would: a string only when both read one. */
  private static final Resolver PLAIN = GoYamlScalars.quotingResolver();

  /** One {@code file://../charts/<app>} dependency; null fields are left out of the file. */
  public record Dependency(String name, String version, String repository, String condition) {

    /** The generator's dependency of {@code app} at {@code version}, enabled by {@code <app>.enabled}. */
    public static Dependency onApp(String app, String version) {
      return new Dependency(app, version, "file://../charts/" + app, app + ".enabled");
    }

    Map<String, Object> yaml() {
      Map<String, Object> yaml = new LinkedHashMap<>();
      putIfSet(yaml, "name", name);
      putIfSet(yaml, "version", version);
      putIfSet(yaml, "repository", repository);
      putIfSet(yaml, "condition", condition);
      return yaml;
    }
  }

  public UmbrellaChartYaml {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    dependencies = List.copyOf(dependencies);
  }

  /**
   * Reads a Chart.yaml; a file that is not a mapping reads as one without fields. The
   * dependencies of a file in the generator's own layout (one {@code "  - name: "} entry with
   * indented plain or single-quoted fields per app) are read line by line: a platform's umbrella
   * lists thousands, and a YAML parser takes about as long for them as validating a small app.
   */
  public static UmbrellaChartYaml parse(String text) {
    Map<String, String> blocks = UmbrellaFiles.blocks(text);
    if (blocks != null && blocks.containsKey("dependencies")) {
      List<Dependency> dependencies = generatedDependencies(blocks.get("dependencies"));
      if (dependencies != null) {
        StringBuilder rest = new StringBuilder();
        blocks.forEach((key, block) -> rest.append(key.equals("dependencies") ? "" : block));
        return new UmbrellaChartYaml(header(text), UmbrellaFiles.yaml(rest.toString()), dependencies);
      }
    }
    Map<String, Object> chart = UmbrellaFiles.yaml(text);
    List<Dependency> dependencies = new ArrayList<>();
    if (chart.remove("dependencies") instanceof List<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> map && map.get("name") != null) {
          dependencies.add(new Dependency(String.valueOf(map.get("name")), text(map.get("version")),
              text(map.get("repository")), text(map.get("condition"))));
        }
      }
    }
    return new UmbrellaChartYaml(header(text == null ? "" : text), chart, dependencies);
  }

  /** The names of the apps it depends on. */
  public SortedSet<String> appNames() {
    SortedSet<String> names = new TreeSet<>();
    dependencies.forEach(dependency -> names.add(dependency.name()));
    return names;
  }

  /** The same chart depending only on the apps named in {@code apps}. */
  public UmbrellaChartYaml withDependenciesOn(Set<String> apps) {
    return new UmbrellaChartYaml(header, fields,
        dependencies.stream().filter(dependency -> apps.contains(dependency.name())).toList());
  }

  /** Everything but the dependencies: what decides the umbrella's own objects. */
  public Map<String, Object> withoutDependencies() {
    return fields;
  }

  /** The file: the header, then the fields with the dependencies before the annotations. */
  public String text() {
    List<Object> entries = new ArrayList<>();
    dependencies.forEach(dependency -> entries.add(dependency.yaml()));
    Map<String, Object> chart = new LinkedHashMap<>();
    fields.forEach((key, value) -> {
      if (key.equals("annotations")) {
        chart.put("dependencies", entries);
      }
      chart.put(key, value);
    });
    chart.putIfAbsent("dependencies", entries);
    return header + YamlText.dump(chart);
  }

  /** The entries of a {@code dependencies:} block as the generator writes it; null for any other layout. */
  private static List<Dependency> generatedDependencies(String block) {
    List<Dependency> dependencies = new ArrayList<>();
    if (block.equals("dependencies: []\n")) {
      return dependencies;
    }
    String[] lines = block.split("\n");
    if (!lines[0].equals("dependencies:")) {
      return null;
    }
    Map<String, String> entry = null;
    for (int i = 1; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : null;
      if (line == null || line.startsWith("  - ")) {
        if (entry != null) {
          if (!entry.containsKey("name") || entry.size() > 4) {
            return null;
          }
          dependencies.add(new Dependency(entry.get("name"), entry.get("version"), entry.get("repository"),
              entry.get("condition")));
        }
        if (line == null) {
          break;
        }
        entry = new LinkedHashMap<>();
        line = "    " + line.substring(4);
      }
      if (entry == null || !line.startsWith("    ") || line.startsWith("     ")) {
        return null;
      }
      int colon = line.indexOf(": ");
      String key = colon < 0 ? null : line.substring(4, colon);
      String value = colon < 0 ? null : scalar(line.substring(colon + 2));
      if (key == null || value == null || !Set.of("name", "version", "repository", "condition").contains(key)
          || entry.put(key, value) != null) {
        return null;
      }
    }
    return dependencies;
  }

  /** A plain scalar that every YAML reader takes as this string, or a single-quoted one; else null. */
  private static String scalar(String text) {
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      String inner = text.substring(1, text.length() - 1);
      return inner.replace("''", "").contains("'") ? null : inner.replace("''", "'");
    }
    if (text.isEmpty()) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._-/:+".indexOf(c) >= 0)) {
        return null;
      }
    }
    char first = text.charAt(0);
    // Cheap cases first (names, repositories, versions like 0.1.0): thousands of entries.
    boolean letterFirst = first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z';
    if (letterFirst) {
      // Of the plain scalars that start with a letter, YAML readers resolve only words (y, no, null).
      return GoYamlScalars.plainReadsAsString(text) ? text : null;
    }
    if (isVersionCore(text)) {
      return text;
    }
    return Tag.STR.equals(PLAIN.resolve(NodeId.scalar, text, true)) ? text : null;
  }

  /** {@code 1.2.3}: two dots between digits, which no YAML reader takes for a number. */
  private static boolean isVersionCore(String text) {
    int dots = 0;
    char previous = '.';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (previous == '.') {
          return false;
        }
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
      previous = c;
    }
    return dots == 2 && previous != '.';
  }

  private static String header(String text) {
    int end = 0;
    while (end < text.length() && text.charAt(end) == '#') {
      int newline = text.indexOf('\n', end);
      end = newline < 0 ? text.length() : newline + 1;
    }
    return text.substring(0, end);
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
