package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColoursTest {

  @Test
  void colour_onlyOnATerminal_withoutNoColor_andNotForADumbTerminal() {
    assertThat(Colours.of(Map.of(), true).enabled()).isTrue();
    assertThat(Colours.of(Map.of(), false).enabled()).as("pipe or file").isFalse();
    assertThat(Colours.of(Map.of("NO_COLOR", "1"), true).enabled()).isFalse();
    assertThat(Colours.of(Map.of("NO_COLOR", ""), true).enabled()).as("empty NO_COLOR means unset").isTrue();
    assertThat(Colours.of(Map.of("TERM", "dumb"), true).enabled()).isFalse();
  }

  @Test
  void report_boldsLocations_andReddensError_onlyWhenEnabled() {
    String report = "apps/shop/app.yaml:3:5: components[0].port: 70000 is not a port\n1 problem in 1 spec file";
    assertThat(Colours.NONE.report(report)).isEqualTo(report);
    assertThat(new Colours(true).report(report))
        .startsWith("\u001b[1mapps/shop/app.yaml:3:5:\u001b[0m components[0].port")
        .endsWith("\n1 problem in 1 spec file");
    assertThat(new Colours(true).report("error: boom")).isEqualTo("\u001b[1;31merror:\u001b[0m boom");
  }
}
