package dev.chartfactory.core.render;

import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Which plain (unquoted) YAML scalars Helm reads as something other than the same string.
 *
 * <p>Helm reads values files and Chart.yaml with Go's YAML (sigs.k8s.io/yaml over its fork of
 * gopkg.in/yaml.v2), which resolves plain scalars by YAML 1.1 rules that SnakeYAML's writer
 * does not know: {@code y}/{@code n} are booleans, {@code 0o17} and {@code 0X10} are integers
 * (Go's {@code strconv} base prefixes, with underscores dropped first), and a map key read as
 * {@code true} is then written back as the string {@code "true"}, so keys {@code Y} and
 * {@code y} collapse into one. Every generated string such a reader would change is quoted.
 */
public final class GoYamlScalars {

  /** Looked up whole, as yaml.v2's resolve table does (first characters y Y n N t T f F o O ~ .). */
  private static final Set<String> RESOLVED_WHOLE = Set.of(
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
      "true", "True", "TRUE", "false", "False", "FALSE",
      "on", "On", "ON", "off", "Off", "OFF",
      "", "~", "null", "Null", "NULL",
      ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
      "<<");
  /** Go's {@code strconv.ParseInt/ParseUint(s, 0, 64)}: sign, then a 0x/0o/0b prefix, a leading-0 octal or decimal. */
  private static final Pattern GO_INTEGER =
      Pattern.compile("[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)");
  /** yaml.v2's float syntax for scalars starting with a sign or digit. */
  private static final Pattern GO_FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");
  /** What {@code strconv.ParseFloat} accepts of a scalar starting with a dot. */
  private static final Pattern GO_DOT_FLOAT = Pattern.compile("\\.[0-9]+(?:[eE][-+]?[0-9]+)?");

  private GoYamlScalars() {}

  /**
   * Whether Go's YAML reads {@code text}, written as a plain scalar, back as the same string.
   * Errs towards false (a needless quote changes nothing; a missing one changes the value):
   * numbers too large for Go's parser, which it would keep as strings, count as numbers.
   */
  public static boolean plainReadsAsString(String text) {
    if (RESOLVED_WHOLE.contains(text)) {
      return false;
    }
    char first = text.charAt(0);
    if (first == '.') {
      return !GO_DOT_FLOAT.matcher(text).matches();
    }
    if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
      String withoutUnderscores = text.replace("_", "");
      return !GO_INTEGER.matcher(withoutUnderscores).matches() && !GO_FLOAT.matcher(withoutUnderscores).matches();
    }
    return true;
  }

  /**
   * SnakeYAML's YAML 1.1 resolver that also treats every scalar Go would not read as a string
   * as a non-string: SnakeYAML's writer quotes a string whose plain form resolves to another
   * type, so with this resolver it quotes what either reader would change.
   */
  public static Resolver quotingResolver() {
    return new Resolver() {
      @Override
      public Tag resolve(NodeId kind, String value, boolean implicit) {
        Tag tag = super.resolve(kind, value, implicit);
        if (implicit && kind == NodeId.scalar && Tag.STR.equals(tag) && !plainReadsAsString(value)) {
          return Tag.BOOL;
        }
        return tag;
      }
    };
  }
}
