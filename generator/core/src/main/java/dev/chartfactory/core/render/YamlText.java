package dev.chartfactory.core.render;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * One YAML style for everything generated: block style, two-space indent, no line folding, and
 * every string quoted that Helm (Go's YAML) would otherwise read as a boolean, number or null.
 */
public final class YamlText {

  private YamlText() {}

  public static String dump(Map<String, Object> tree) {
    if (tree.isEmpty()) {
      return "{}\n";
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    options.setWidth(Integer.MAX_VALUE);
    options.setProcessComments(false);
    return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options,
        GoYamlScalars.quotingResolver()).dump(copy(tree));
  }

  /** Fresh collections everywhere, so shared instances never turn into YAML anchors. */
  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (value instanceof java.util.List<?> list) {
      java.util.List<Object> out = new java.util.ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }
}
