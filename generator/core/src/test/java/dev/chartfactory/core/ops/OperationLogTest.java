package dev.chartfactory.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationLogTest {

  @TempDir Path repo;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T14:01:21.123Z"), ZoneOffset.UTC);

  @Test
  void append_inAGitWorkTree_recordsTheHeadCommitAndUtcSecond() throws Exception {
    RevCommit head;
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      Files.writeString(repo.resolve("factory.yaml"), "registry: ''\n");
      git.add().addFilepattern("factory.yaml").call();
      head = git.commit().setMessage("specs").setAuthor("Ana", "ana@example.com")
          .setCommitter("Ana", "ana@example.com").setSign(false).call();
    }
    OperationLog log = new OperationLog(repo, clock);

    log.append(log.record("deploy", "dev", "platform", "platform", 2, false, OperationRecord.OK, "upgraded"));

    assertThat(log.read()).singleElement().satisfies(entry -> {
      assertThat(entry.commit()).isEqualTo(head.name());
      assertThat(entry.when()).isEqualTo("2026-11-23T14:01:21Z");
      assertThat(entry.revision()).isEqualTo(2);
      assertThat(entry.ok()).isTrue();
      assertThat(entry.who()).isNotBlank();
    });
    assertThat(Files.readString(repo.resolve(".factory/operations.jsonl")))
        .startsWith("{\"who\":").contains("\"when\":\"2026-11-23T14:01:21Z\",\"operation\":\"deploy\"")
        .endsWith("\"result\":\"ok\",\"message\":\"upgraded\"}\n");
  }

  @Test
  void append_outsideGit_recordsNoCommit_andAppendsRatherThanRewrites() throws IOException {
    OperationLog log = new OperationLog(repo, clock);

    log.append(log.record("deploy", "dev", "platform", "platform", null, true, OperationRecord.OK, "dry run"));
    log.append(log.record("rollback", null, "platform", "platform", null, false, OperationRecord.FAILED, "no cluster"));
    Files.writeString(log.file(), "not json\n", java.nio.file.StandardOpenOption.APPEND);

    assertThat(log.read()).extracting(OperationRecord::operation, OperationRecord::commit,
            OperationRecord::dryRun, OperationRecord::result)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("deploy", null, true, "ok"),
            org.assertj.core.groups.Tuple.tuple("rollback", null, false, "failed"));
  }

  @Test
  void manifestKinds_countsObjectsPerKind() {
    assertThat(ManifestKinds.count("""
        ---
        kind: Service
        ---
        # empty
        ---
        kind: Deployment
        ---
        kind: Service
        """)).containsExactly(java.util.Map.entry("Deployment", 1), java.util.Map.entry("Service", 2));
  }
}
