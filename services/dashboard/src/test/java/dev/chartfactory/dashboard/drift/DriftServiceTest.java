package dev.chartfactory.dashboard.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.cluster.DeploymentView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift against a real bare repository, fetched by JGit into a bare cache. */
class DriftServiceTest {

  @TempDir Path temp;

  private static DeploymentView deployment(String name, String commit) {
    return new DeploymentView("platform", name, 1, 1, 1, null, null, null, commit);
  }

  private RevCommit commit(Git work, String file, String content, String message) throws Exception {
    Path path = work.getRepository().getWorkTree().toPath().resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    work.add().addFilepattern(file).call();
    return work.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }

  @Test
  void report_saysWhichDeploymentsRunTheHead_howFarBehindTheOthersAre_andWhatChanged() throws Exception {
    // Given: a bare remote whose main has three commits
    File remote = temp.resolve("config.git").toFile();
    Git.init().setBare(true).setDirectory(remote).setInitialBranch("main").call().close();
    RevCommit first;
    RevCommit second;
    RevCommit head;
    try (Git work = Git.cloneRepository().setURI(remote.toURI().toString()).setDirectory(temp.resolve("work").toFile()).call()) {
      first = commit(work, "apps/shop/app.yaml", "replicas: 1\n", "shop");
      second = commit(work, "apps/web/app.yaml", "replicas: 2\n", "web");
      head = commit(work, "apps/shop/app.yaml", "replicas: 3\n", "more shop");
      work.push().setRemote("origin").setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
    }
    DriftService drift = new DriftService(remote.toURI().toString(), "main", "", temp.resolve("cache").toFile(), Duration.ZERO, Clock.systemUTC());

    // When
    DriftService.Report report = drift.report(List.of(
        deployment("shop", head.name()), deployment("web", second.name()), deployment("old", first.name()),
        deployment("stranger", "0123456789012345678901234567890123456789"), deployment("hand-made", null)));

    // Then
    assertThat(report.head()).isEqualTo(head.name());
    assertThat(report.problem()).isNull();
    assertThat(report.items()).extracting(DriftService.Item::deployment, DriftService.Item::state, DriftService.Item::behind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("shop", "current", 0),
            org.assertj.core.groups.Tuple.tuple("web", "behind", 1),
            org.assertj.core.groups.Tuple.tuple("old", "behind", 2),
            org.assertj.core.groups.Tuple.tuple("stranger", "unknown-commit", -1),
            org.assertj.core.groups.Tuple.tuple("hand-made", "no-commit", -1));
    assertThat(report.items().get(1).changedFiles()).containsExactly("apps/shop/app.yaml");
    assertThat(report.items().get(2).changedFiles()).containsExactlyInAnyOrder("apps/shop/app.yaml", "apps/web/app.yaml");
  }

  @Test
  void aUrlWithCredentials_isNeverShownNorStoredInTheClear() throws Exception {
    File cache = temp.resolve("cache").toFile();
    DriftService drift = new DriftService("https://deployer:s3cret-pass@127.0.0.1:1/config.git", "main", "", cache, Duration.ZERO,
        Clock.systemUTC());

    DriftService.Report report = drift.report(List.of(deployment("shop", null)));

    assertThat(report.repoUrl()).isEqualTo("https://127.0.0.1:1/config.git");
    assertThat(report.problem()).contains("fetch of https://127.0.0.1:1/config.git main failed", "carried credentials; they are ignored")
        .doesNotContain("s3cret", "deployer");
    try (Stream<Path> files = Files.walk(cache.toPath())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("s3cret");
      }
    }
    assertThat(ConfigRepoUrl.parse("https://u:p@git.example/x.git").safe()).isEqualTo("https://git.example/x.git");
  }

  @Test
  void aToken_isNeverSentOverPlainHttp() {
    DriftService drift = new DriftService("http://127.0.0.1:1/config.git", "main", "tok-123", temp.resolve("c").toFile(), Duration.ZERO,
        Clock.systemUTC());

    DriftService.Report report = drift.report(List.of());

    assertThat(report.problem()).isEqualTo("a token is set but the repo URL is not https://; not sending it, not fetching");
    assertThat(report.toString()).doesNotContain("tok-123");
  }
}
