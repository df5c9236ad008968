package dev.chartfactory.core.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens without a helm binary; needs none, so it runs everywhere. */
class HelmCliWithoutBinaryTest {

  @TempDir Path tmp;

  @Test
  void anyCommand_whenBinaryIsMissing_saysHowToGetOne() {
    Path nowhere = tmp.resolve("no/such/helm");
    HelmCli helm = new HelmCli(nowhere, tmp.resolve("work"));

    assertThatThrownBy(helm::version)
        .isInstanceOf(HelmException.class)
        .hasMessageContaining("helm binary " + nowhere + " does not exist or is not executable")
        .hasMessageContaining("scripts/install-helm.sh")
        .hasMessageContaining("set HELM")
        .satisfies(e -> assertThat(((HelmException) e).command())
            .containsExactly(nowhere.toString(), "version", "--short"));
  }

  @Test
  void withTimeout_rejectsNonPositiveDurations() {
    HelmCli helm = new HelmCli(tmp.resolve("helm"), tmp.resolve("work"));

    assertThatThrownBy(() -> helm.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
  }

  @Test
  void describe_quotesArgumentsAShellWouldSplit() {
    assertThat(HelmCli.describe(List.of("/opt/helm", "template", "my app", "--set",
        "a=it's")))
        .isEqualTo("/opt/helm template 'my app' --set 'a=it'\\''s'");
  }
}
