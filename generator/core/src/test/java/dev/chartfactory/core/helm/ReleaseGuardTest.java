package dev.chartfactory.core.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusals made on what helm status/history printed, from fixtures of Helm's JSON. */
class ReleaseGuardTest {

  // helm status platform -n platform -o json, trimmed (helm 3.17), while an upgrade is stuck
  private static final String STATUS_PENDING_UPGRADE = """
      {"name":"platform","info":{"first_deployed":"2026-11-20T09:00:00.1+00:00",
       "last_deployed":"2026-11-23T14:00:00.2+00:00","deleted":"","description":"Preparing upgrade",
       "status":"pending-upgrade"},"chart":{"metadata":{"name":"platform","version":"0.1.0"}},
       "config":{},"manifest":"---\\n","version":4,"namespace":"platform"}
      """;

  // helm history platform -n platform -o json
  private static final String HISTORY = """
      [{"revision":1,"updated":"2026-11-20T09:00:00.1+00:00","status":"superseded","chart":"platform-0.1.0","app_version":"0.1.0","description":"Install complete"},
       {"revision":3,"updated":"2026-11-22T09:00:00.1+00:00","status":"deployed","chart":"platform-0.1.0","app_version":"0.1.0","description":"Upgrade complete"},
       {"revision":2,"updated":"2026-11-21T09:00:00.1+00:00","status":"failed","chart":"platform-0.1.0","app_version":"0.1.0","description":"Upgrade failed"},
       {"revision":4,"updated":"2026-11-23T14:00:00.2+00:00","status":"pending-upgrade","chart":"platform-0.1.0","app_version":"0.1.0","description":"Preparing upgrade"}]
      """;

  @Test
  void parse_readsRevisionStateAndDescription() {
    ReleaseStatus status = ReleaseStatus.parse(STATUS_PENDING_UPGRADE);

    assertThat(status).isEqualTo(new ReleaseStatus("platform", "platform", 4, "pending-upgrade",
        "Preparing upgrade"));
    assertThat(status.pending()).isTrue();
  }

  @Test
  void parseHistory_sortsByRevision() {
    assertThat(ReleaseRevision.parseHistory(HISTORY)).extracting(ReleaseRevision::revision)
        .containsExactly(1, 2, 3, 4);
    assertThat(ReleaseRevision.parseHistory(HISTORY).get(0).appVersion()).isEqualTo("0.1.0");
  }

  @Test
  void requireNotPending_whenAnUpgradeIsStuck_refusesWithTheRollbackToTheLastDeployedRevision() {
    ReleaseStatus status = ReleaseStatus.parse(STATUS_PENDING_UPGRADE);
    List<ReleaseRevision> history = ReleaseRevision.parseHistory(HISTORY);

    assertThatThrownBy(() -> ReleaseGuard.requireNotPending(status, history))
        .isInstanceOf(HelmReleaseStateException.class)
        .hasMessageContaining("release platform in namespace platform is pending-upgrade at revision 4")
        .hasMessageContaining("perhaps you should run 'factory rollback --to 3'");
  }

  @Test
  void requireNotPending_whenTheFirstInstallIsStuck_suggestsUninstall() {
    ReleaseStatus status = new ReleaseStatus("platform", "platform", 1, "pending-install", "");
    List<ReleaseRevision> history = List.of(
        new ReleaseRevision(1, "", "pending-install", "platform-0.1.0", "", ""));

    assertThatThrownBy(() -> ReleaseGuard.requireNotPending(status, history))
        .hasMessageContaining("is pending-install at revision 1")
        .hasMessageContaining("'factory uninstall (no earlier revision was ever deployed)'");
  }

  @Test
  void requireNotPending_whenDeployed_passes() {
    ReleaseGuard.requireNotPending(new ReleaseStatus("platform", "platform", 3, "deployed", ""), List.of());
  }

  @Test
  void requireRevision_whenTheRevisionDoesNotExist_listsTheOnesThatDo() {
    List<ReleaseRevision> history = ReleaseRevision.parseHistory(HISTORY);

    assertThat(ReleaseGuard.requireRevision(history, 3).status()).isEqualTo("deployed");
    assertThatThrownBy(() -> ReleaseGuard.requireRevision(history, 9))
        .isInstanceOf(HelmReleaseStateException.class)
        .hasMessage("revision 9 does not exist (revisions: 1, 2, 3, 4)");
  }

  @Test
  void parse_whenHelmPrintsSomethingElse_saysSo() {
    assertThatThrownBy(() -> ReleaseStatus.parse("Error: nope"))
        .isInstanceOf(HelmException.class).hasMessageContaining("not JSON: Error: nope");
    assertThatThrownBy(() -> ReleaseRevision.parseHistory("{}"))
        .isInstanceOf(HelmException.class).hasMessageContaining("not a list");
  }
}
