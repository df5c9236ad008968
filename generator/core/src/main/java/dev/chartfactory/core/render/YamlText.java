package dev.chartfactory.core.render;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
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
    return new Yaml(new SafeConstructor(new LoaderOptions()), new GoSafeRepresenter(options), options,
        GoYamlScalars.quotingResolver()).dump(copy(tree));
  }

  /**
   * SnakeYAML's representer, except that a string holding a Unicode line break (U+0085, U+2028,
   * U+2029) is double-quoted, where they are written as the escapes {@code \N}, {@code \L},
   * {@code \P}. SnakeYAML writes such a string as a literal block with the break raw, and Go's
   * YAML reads that differently: a value ending in U+2029 as a list item ran into the next item (a
   * parse error) and NEL became a newline. Found by the round-trip property test. (A byte order
   * mark, which SnakeYAML writes raw even when double-quoted, is refused at load.)
   */
  private static final class GoSafeRepresenter extends Representer {

    GoSafeRepresenter(DumperOptions options) {
      super(options);
      Represent plain = representers.get(String.class);
      representers.put(String.class, data -> {
        String text = data.toString();
        if (needsEscapes(text)) {
          return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
        return plain.representData(data);
      });
    }

    private static boolean needsEscapes(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return true;
        }
      }
      return false;
    }
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
