package dev.chartfactory.core.render;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** One YAML style for everything generated: block style, two-space indent, no line folding. */
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
    return new Yaml(options).dump(tree);
  }
}
