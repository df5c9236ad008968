package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.helm.ReleaseRevision;
import dev.chartfactory.core.helm.ReleaseStatus;
import dev.chartfactory.core.ops.OperationRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ReleaseFormatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OperationRecord DEPLOY = new OperationRecord("ana", "2026-12-01T10:00:00Z", "deploy", "prod",
      "platform", "platform", 2, "0123456789abcdef0123456789abcdef01234567", false, "ok", "upgraded");

  @Test
  void status_joinsHelmsViewWithWhoDeployedItAndFromWhichCommit() {
    JsonNode status = JSON.readTree(ReleaseFormats.status(
        new ReleaseStatus("platform", "platform", 2, "deployed", "Upgrade complete"), DEPLOY));
    assertThat(status.path("schema").asString()).isEqualTo("chartfactory.dev/status/v1");
    assertThat(status.path("revision").asInt()).isEqualTo(2);
    assertThat(status.path("status").asString()).isEqualTo("deployed");
    assertThat(status.path("operation").path("who").asString()).isEqualTo("ana");
    assertThat(status.path("operation").path("commit").asString()).startsWith("0123456");
  }

  @Test
  void history_listsEveryRevision_withNullOperationWhereTheLogHasNone() {
    JsonNode history = JSON.readTree(ReleaseFormats.history("platform", "platform", List.of(
        new ReleaseRevision(1, "2026-11-30T09:00:00Z", "superseded", "platform-0.1.0", "0.1.0", "Install complete"),
        new ReleaseRevision(2, "2026-12-01T10:00:00Z", "deployed", "platform-0.1.1", "0.1.1", "Upgrade complete")),
        Map.of(2, DEPLOY)));
    assertThat(history.path("revisions")).hasSize(2);
    assertThat(history.path("revisions").get(0).path("operation").isNull()).isTrue();
    assertThat(history.path("revisions").get(1).path("operation").path("environment").asString()).isEqualTo("prod");
    assertThat(history.path("revisions").get(1).path("chart").asString()).isEqualTo("platform-0.1.1");
  }
}
