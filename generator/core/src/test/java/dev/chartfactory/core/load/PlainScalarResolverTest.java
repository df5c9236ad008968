package dev.chartfactory.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

class PlainScalarResolverTest {

  private static final List<String> TRICKY = List.of(
      "", " ", "~", "null", "Null", "NULL", "nul", "nulls", "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No",
      "NO", "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "falsey",
      "trueish", "offset", "nothing", "onward", "Yesterday", "name", "type", "image", "webapp", "app0001-web",
      "0", "00", "007", "08", "089", "1", "12", "8080", "1_000", "1:30", "190:20:30", "1.0", "1.0.0", "1e3", "1.5e-3",
      "2001-12-14", "2001-12-14t21:59:43.10-05:00", "0x1F", "0b101", "0o17", "+1", "-1", "-0", ".5", ".inf", "-.inf",
      ".nan", ".NaN", "<<", "=", "!", "&", "*", "A", "Z", "a", "z", "abcde", "abcdef", "ONLINE", "FEATURE_X", "x86",
      "5m", "64Mi", "100m", "0 3 * * *", "./prune", "--days=30", "http://example.com");

  @Test
  void resolvesEveryScalarAsSnakeYamlDoes() {
    Resolver snakeYaml = new Resolver();
    List<String> values = new ArrayList<>(TRICKY);
    for (int i = 0; i < 2_000; i++) {
      values.add(Integer.toString(i));
      values.add(Integer.toString(i, 8));
      values.add(Integer.toString(i, 36));
    }
    for (String value : values) {
      for (boolean implicit : new boolean[] {true, false}) {
        assertThat(PlainScalarResolver.INSTANCE.resolve(NodeId.scalar, value, implicit))
            .as("'%s' (implicit %s)", value, implicit)
            .isEqualTo(snakeYaml.resolve(NodeId.scalar, value, implicit));
      }
    }
  }
}
