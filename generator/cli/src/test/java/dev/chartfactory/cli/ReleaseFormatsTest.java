package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.api.ReleaseHistory;
import dev.chartfactory.core.api.ReleaseOperation;
import dev.chartfactory.core.api.ReleaseState;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ReleaseFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ReleaseOperation DEPLOY = new ReleaseOperation("deploy", "prod", "ana",
      "2026-12-01T10:00:00Z", "0123456789abcdef0123456789abcdef01234567");

  @Test
  void status_joinsHelmsViewWithWhoDeployedItAndFromWhichCommit() {
    JsonNode status = JSON.readTree(ReleaseFormats.statusJson(
        new ReleaseState("platform", "platform", 2, "deployed", "Upgrade complete", DEPLOY)));
    assertThat(status.path("schema").asString()).isEqualTo("chartfactory.dev/status/v1");
    assertThat(status.path("revision").asInt()).isEqualTo(2);
    assertThat(status.path("status").asString()).isEqualTo("deployed");
    assertThat(status.path("operation").path("who").asString()).isEqualTo("ana");
    assertThat(status.path("operation").path("commit").asString()).startsWith("0123456");
  }

  @Test
  void history_listsEveryRevision_withNullOperationWhereTheLogHasNone() {
    JsonNode history = JSON.readTree(ReleaseFormats.historyJson(new ReleaseHistory("platform", "platform", List.of(
        new ReleaseHistory.Revision(1, "2026-11-30T09:00:00Z", "superseded", "platform-0.1.0", "0.1.0",
            "Install complete", null),
        new ReleaseHistory.Revision(2, "2026-12-01T10:00:00Z", "deployed", "platform-0.1.1", "0.1.1",
            "Upgrade complete", DEPLOY)))));
    assertThat(history.path("revisions")).hasSize(2);
    assertThat(history.path("revisions").get(0).path("operation").isNull()).isTrue();
    assertThat(history.path("revisions").get(1).path("operation").path("environment").asString()).isEqualTo("prod");
    assertThat(history.path("revisions").get(1).path("chart").asString()).isEqualTo("platform-0.1.1");
  }

  @Test
  void statusText_namesWhoDeployedTheRevision() {
    assertThat(ReleaseFormats.statusText(new ReleaseState("platform", "platform", 2, "deployed", "", DEPLOY)))
        .isEqualTo("release platform in namespace platform: deployed, revision 2\n"
            + "deploy --env prod by ana at 2026-12-01T10:00:00Z from commit 0123456789ab");
  }
}
