package dev.chartfactory.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.ops.OperationRecord;
import dev.chartfactory.core.spec.FactorySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationJournalTest {

  @Test
  void byRevision_keepsTheSuccessfulOperationsOfThisReleaseOnly() {
    FactorySpec.UmbrellaSpec umbrella = new FactorySpec.UmbrellaSpec("platform", "platform", null);
    List<OperationRecord> log = List.of(
        new OperationRecord("ana", "2026-11-20T09:00:00Z", "deploy", "dev", "platform", "platform", 1,
            "7528a1b0123456789abcdef0123456789abcdef0", false, "ok", "installed"),
        new OperationRecord("bo", "2026-11-21T08:00:00Z", "deploy", "dev", "platform", "platform", 1,
            null, false, "failed", "timed out"),
        new OperationRecord("cy", "2026-11-21T08:30:00Z", "deploy", "dev", "platform", "other-ns", 2,
            null, false, "ok", "another namespace"),
        new OperationRecord("di", "2026-11-21T09:00:00Z", "deploy", "dev", "platform", "platform", 2,
            null, true, "ok", "dry run"),
        new OperationRecord("ed", "2026-11-21T10:00:00Z", "uninstall", null, "platform", "platform", 2,
            null, false, "ok", "uninstalled"));

    Map<Integer, ReleaseOperation> known = OperationJournal.byRevision(log, umbrella);

    assertThat(known).containsOnlyKeys(1);
    assertThat(known.get(1)).isEqualTo(new ReleaseOperation("deploy", "dev", "ana", "2026-11-20T09:00:00Z",
        "7528a1b0123456789abcdef0123456789abcdef0"));
  }
}
