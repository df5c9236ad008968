package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate-all with --ref, --commit, --push and --pr-branch through the real entry point, the
 * real helm, and real repositories: a bare remote, our clone, and a second clone that pushes.
 */
class GitRoundTripTest {

  private static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.com");

  @TempDir Path temp;
  private Path remote;
  private Path work;
  private ObjectId seed;

  @BeforeEach
  void remoteAndClone() throws Exception {
    CliRepos.requireHelm();
    remote = temp.resolve("remote.git");
    work = temp.resolve("ours");
    seed = CliRepos.remoteWithSmallExample(remote, work, TESTER, Map.of("README.md", "config repo\n"));
  }

  @Test
  void push_commitsOnlyTheGeneratedCharts_recordsTheSourceCommit_andARerunCommitsNothing() throws Exception {
    Files.writeString(work.resolve("README.md"), "a local edit that is not ours to commit\n");

    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--push", "--author", "CI Bot <ci@example.com>");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("charts/hello", "committed ", "pushed ", "to origin/main");
    assertThat(run.err()).contains("[commit] ", "[push] pushed ");
    try (Git bare = Git.open(remote.toFile())) {
      RevCommit top = bare.log().setMaxCount(1).call().iterator().next();
      assertThat(top.getParent(0).getId()).isEqualTo(seed);
      assertThat(top.getAuthorIdent().getName()).isEqualTo("CI Bot");
      assertThat(top.getFullMessage()).contains("Apps: hello", "Environments: dev", "Source commit: " + seed.name());
      assertThat(blob(bare, "main:charts/hello/Chart.yaml"))
          .endsWith("  chartfactory.dev/source-commit: '" + seed.name() + "'\n");
      assertThat(blob(bare, "main:umbrella-chart/values.yaml")).contains("  sourceCommit: '" + seed.name() + "'\n");
      assertThat(bare.getRepository().resolve("main:README.md")).isNotNull();
      assertThat(blob(bare, "main:README.md")).isEqualTo("config repo\n");
    }
    try (Git git = Git.open(work.toFile())) {
      assertThat(git.status().call().getModified()).containsExactly("README.md");
    }

    ObjectId remoteHead = remoteHead();
    CliRun again = CliRun.of("generate-all", "--repo", work.toString(), "--push", "--quiet");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("up to date: nothing changed", "nothing to commit");
    assertThat(remoteHead()).isEqualTo(remoteHead);
    assertThat(CliRun.of("check", "--repo", work.toString(), "--quiet").exitCode()).isZero();
  }

  @Test
  void plainGenerateAll_afterACommittedRun_keepsTheRecordedSourceCommit_andCheckListsOnlyTheEdit() throws Exception {
    assertThat(CliRun.of("generate-all", "--repo", work.toString(), "--commit", "--quiet").exitCode()).isZero();
    Files.writeString(work.resolve("apps/hello/instances/dev.yaml"), "version: 1.3.0\n");

    CliRun plain = CliRun.of("generate-all", "--repo", work.toString(), "--quiet");

    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(Files.readString(work.resolve("umbrella-chart/values.yaml"))).contains("  sourceCommit: '" + seed.name() + "'\n");
    assertThat(Files.readString(work.resolve("charts/hello/Chart.yaml")))
        .endsWith("  chartfactory.dev/source-commit: '" + seed.name() + "'\n");
    CliRun check = CliRun.of("check", "--repo", work.toString(), "--base", "HEAD");
    assertThat(check.out()).contains("hello-web:1.0.0 -> localhost:5000/hello-web:1.3.0")
        .doesNotContain("source-commit: " + seed.name() + " -> (none)");
  }

  @Test
  void push_whenValidationFails_commitsNothingAndLeavesTheRemoteUntouched() throws Exception {
    CliRepos.addInvalidServiceBlueprint(work);
    try (Git git = Git.open(work.toFile())) {
      commitAll(git, "A broken template");
    }
    ObjectId localHead = localHead();

    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--push", "--quiet");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("spec.portz: unknown field", "nothing was written");
    assertThat(remoteHead()).isEqualTo(seed);
    assertThat(localHead()).isEqualTo(localHead);
    assertThat(work.resolve("charts")).doesNotExist();
  }

  @Test
  void push_whenAnotherClonePushedFirst_regeneratesOnTopOfItAndBothCommitsReachTheRemote() throws Exception {
    RevCommit theirs;
    try (Git other = Git.cloneRepository().setURI(remote.toUri().toString())
        .setDirectory(temp.resolve("theirs").toFile()).call()) {
      Files.writeString(temp.resolve("theirs/apps/hello/instances/dev.yaml"), "version: 1.2.3\n");
      theirs = commitAll(other, "Bump hello in dev");
      other.push().call();
    }

    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--push");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("moved on meanwhile", "(attempt 2 of 3)");
    try (Git bare = Git.open(remote.toFile())) {
      List<RevCommit> log = new ArrayList<>();
      bare.log().call().forEach(log::add);
      assertThat(log).hasSize(3);
      assertThat(log.get(1).getId()).isEqualTo(theirs.getId());
      assertThat(log.get(0).getFullMessage()).contains("Source commit: " + theirs.getName());
      assertThat(blob(bare, "main:umbrella-chart/values-dev.yaml")).contains("1.2.3");
    }
    assertThat(Files.readString(work.resolve("apps/hello/instances/dev.yaml"))).isEqualTo("version: 1.2.3\n");
  }

  @Test
  void prBranch_pushesToTheNewBranchOnly() throws Exception {
    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--pr-branch", "charts/regenerate", "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Git bare = Git.open(remote.toFile())) {
      assertThat(bare.getRepository().resolve("charts/regenerate")).isEqualTo(localHead());
      assertThat(bare.getRepository().resolve("main")).isEqualTo(seed);
    }
  }

  @Test
  void prBranch_ontoAnExistingBranch_exitsThreeEvenWhenAFastForwardWouldDo_andLeavesNoCommit() throws Exception {
    // main on the remote is where our commit would be made: pushing to it would fast-forward.
    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--pr-branch", "main", "--quiet");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("the branch already exists on origin", "choose a new --pr-branch name",
        "taken back off the local branch");
    assertThat(remoteHead()).isEqualTo(seed);
    assertThat(localHead()).isEqualTo(seed);
    assertThat(work.resolve("charts/hello/Chart.yaml")).exists();
  }

  @Test
  void ref_readsATagWithoutCheckout_andRefusesToCommitAnythingButTheCheckedOutBranch() throws Exception {
    try (Git git = Git.open(work.toFile())) {
      git.tag().setName("v1").call();
      Files.writeString(work.resolve("apps/hello/instances/dev.yaml"), "version: 9.9.9\n");
      commitAll(git, "Later change");
    }
    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--ref", "v1", "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("source: " + work + "@v1 (" + seed.abbreviate(7).name() + ")");
    assertThat(Files.readString(work.resolve("umbrella-chart/values-dev.yaml"))).doesNotContain("9.9.9");
    assertThat(Files.readString(work.resolve("umbrella-chart/Chart.yaml"))).contains(seed.name());

    // Same commit, same bytes.
    byte[] before = Files.readAllBytes(work.resolve("umbrella-chart/values.yaml"));
    assertThat(CliRun.of("generate-all", "--repo", work.toString(), "--ref", seed.name(), "--quiet").out())
        .contains("up to date: nothing changed");
    assertThat(Files.readAllBytes(work.resolve("umbrella-chart/values.yaml"))).isEqualTo(before);

    CliRun commit = CliRun.of("generate-all", "--repo", work.toString(), "--ref", "v1", "--commit", "--quiet");
    assertThat(commit.exitCode()).isEqualTo(3);
    assertThat(commit.err()).contains("--ref v1 is not the checked-out branch (main)");
  }

  @Test
  void ref_whenMissing_exitsThreeAndNamesTheBranches() {
    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--ref", "mian", "--quiet");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("ref 'mian' not found", "branches include: main");
  }

  @Test
  void repo_asARemoteUrl_isClonedIntoTheCacheAndReadWithADryRun() {
    System.setProperty("factory.git.cache", temp.resolve("cache").toString());
    try {
      CliRun run = CliRun.of("generate-all", "--repo", remote.toUri().toString(), "--ref", "main", "--dry-run",
          "--skip-validation", "--quiet");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("would change:", "charts/hello", "@main (" + seed.abbreviate(7).name() + ")");
      assertThat(temp.resolve("cache")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("remote-"));
      // Without --ref: the remote's HEAD, not a folder named like the URL.
      CliRun head = CliRun.of("generate-all", "--repo", remote.toUri().toString(), "--dry-run", "--skip-validation",
          "--quiet");
      assertThat(head.exitCode()).as(head.err()).isZero();
      assertThat(head.out()).contains("@HEAD (" + seed.abbreviate(7).name() + ")");
      CliRun commit = CliRun.of("generate-all", "--repo", remote.toUri().toString(), "--commit", "--quiet");
      assertThat(commit.exitCode()).isEqualTo(3);
      assertThat(commit.err()).contains("has no work tree");
    } finally {
      System.clearProperty("factory.git.cache");
    }
  }

  private ObjectId remoteHead() throws IOException {
    try (Git bare = Git.open(remote.toFile())) {
      return bare.getRepository().resolve("main");
    }
  }

  private ObjectId localHead() throws IOException {
    try (Git git = Git.open(work.toFile())) {
      return git.getRepository().resolve("HEAD");
    }
  }

  @Test
  void diff_betweenTwoRefs_showsWhatThePullRequestChangesPerEnvironment() throws Exception {
    try (Git git = Git.open(work.toFile())) {
      git.tag().setName("base").setObjectId(git.getRepository().parseCommit(seed)).call();
      Files.writeString(work.resolve("apps/hello/instances/dev.yaml"), "version: 1.1.0\n");
      commitAll(git, "hello 1.1.0 in dev");
    }
    CliRun refs = CliRun.of("diff", "--repo", work.toString(), "--from", "base", "--to", "main");
    assertThat(refs.exitCode()).as(refs.err()).isZero();
    assertThat(refs.out()).contains("environment dev: 0 added, 3 changed, 0 removed",
        "spec.template.spec.containers[web].image: localhost:5000/hello-web:1.0.0 -> localhost:5000/hello-web:1.1.0");

    Files.writeString(work.resolve("apps/hello/instances/dev.yaml"), "version: 1.2.0\n");
    CliRun workTree = CliRun.of("diff", "--repo", work.toString(), "--from", "main", "--output", "markdown");
    assertThat(workTree.out()).contains("hello-web:1.1.0 -> localhost:5000/hello-web:1.2.0");

    CliRun missing = CliRun.of("diff", "--repo", work.toString(), "--from", "no-such-ref");
    assertThat(missing.exitCode()).isEqualTo(3);
  }

  private static String blob(Git git, String revision) throws IOException {
    return new String(git.getRepository().open(git.getRepository().resolve(revision)).getBytes(), StandardCharsets.UTF_8);
  }

  private static RevCommit commitAll(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setAuthor(TESTER).setCommitter(TESTER).setMessage(message).call();
  }

}
