package dev.chartfactory.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.write.ChartWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits and pushes against a real bare remote and real clones (no mocks). */
class GitCommitterTest {

  private static final org.eclipse.jgit.lib.PersonIdent BOT =
      new org.eclipse.jgit.lib.PersonIdent("CI Bot", "ci@example.com");

  @TempDir Path temp;
  private final List<String> events = new ArrayList<>();
  private final PipelineListener listener = (stage, message) -> events.add("[" + stage + "] " + message);

  /** What generate-all does, without helm validation: specs of {@code source} → charts on disk. */
  private static void generate(GitRepo repo, ObjectId source) {
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);
    var platform = pipeline.resolve(new GitSpecSource(repo, source.name()));
    ChartWriter writer = new ChartWriter(repo.workTree());
    writer.write(writer.withProvenance(pipeline.render(platform, Set.of()), Provenance.ofCommit(source.name())), true);
  }

  private static ObjectId head(Repository repository) throws IOException {
    return repository.resolve("HEAD");
  }

  @Test
  void commit_takesOnlyGeneratedPaths_andLeavesUnrelatedChangesUncommitted() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    Path work = temp.resolve("clone");
    try (Git git = GitFixture.cloneOf(remote, work); GitRepo repo = GitRepo.openLocal(work)) {
      ObjectId source = head(git.getRepository());
      generate(repo, source);
      GitFixture.write(work.resolve("README.md"), "edited, not committed\n");
      GitFixture.write(work.resolve("notes.txt"), "staged, not committed\n");
      git.add().addFilepattern("notes.txt").call();
      GitFixture.write(work.resolve("scratch.txt"), "untracked\n");
      GitFixture.write(work.resolve("umbrella-chart/Chart.lock"), "helm's\n");
      GitFixture.write(work.resolve("umbrella-chart/charts/hello-0.1.0.tgz"), "helm's\n");

      Optional<RevCommit> made = new GitCommitter(repo, BOT, listener).commit(source);

      assertThat(made).isPresent();
      assertThat(changedPaths(git.getRepository(), made.get())).isNotEmpty()
          .allMatch(p -> p.startsWith("charts/hello/") || p.startsWith("umbrella-chart/"))
          .contains("charts/hello/Chart.yaml", "umbrella-chart/values-dev.yaml")
          .doesNotContain("umbrella-chart/Chart.lock", "umbrella-chart/charts/hello-0.1.0.tgz");
      assertThat(made.get().getFullMessage()).contains("Apps: hello", "Environments: dev",
          "Source commit: " + source.name());
      assertThat(made.get().getAuthorIdent().getEmailAddress()).isEqualTo("ci@example.com");
      Status status = git.status().call();
      assertThat(status.getModified()).containsExactly("README.md");
      assertThat(status.getAdded()).containsExactly("notes.txt");
      assertThat(status.getUntracked()).containsExactly("scratch.txt");
      assertThat(Files.readString(work.resolve("umbrella-chart/values.yaml")))
          .contains("sourceCommit: '" + source.name() + "'");
    }
  }

  @Test
  void commit_whenOnlyTheSourceCommitMoved_makesNoCommit() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    Path work = temp.resolve("clone");
    try (Git git = GitFixture.cloneOf(remote, work); GitRepo repo = GitRepo.openLocal(work)) {
      GitCommitter committer = new GitCommitter(repo, BOT, listener);
      generate(repo, head(git.getRepository()));
      assertThat(committer.commit(head(git.getRepository()))).isPresent();
      byte[] before = Files.readAllBytes(work.resolve("umbrella-chart/values-dev.yaml"));

      // HEAD is now the generated commit; its specs generate the same charts.
      ObjectId newHead = head(git.getRepository());
      generate(repo, newHead);

      assertThat(committer.commit(newHead)).isEmpty();
      assertThat(head(git.getRepository())).isEqualTo(newHead);
      assertThat(Files.readAllBytes(work.resolve("umbrella-chart/values-dev.yaml"))).isEqualTo(before);
      assertThat(events).anyMatch(e -> e.contains("nothing to commit"));
    }
  }

  @Test
  void push_whenSomeonePushedBetweenCommitAndPush_regeneratesOnTheirCommitAndBothReachTheRemote() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    Path work = temp.resolve("ours");
    try (Git ours = GitFixture.cloneOf(remote, work); GitRepo repo = GitRepo.openLocal(work);
         Git theirs = GitFixture.cloneOf(remote, temp.resolve("theirs"))) {
      GitCommitter committer = new GitCommitter(repo, BOT, listener);
      generate(repo, head(ours.getRepository()));
      GitFixture.write(work.resolve("README.md"), "unrelated local edit\n");
      assertThat(committer.commit(head(ours.getRepository()))).isPresent();

      // The concurrent pusher: a spec change lands on the remote before our push.
      GitFixture.write(temp.resolve("theirs/apps/hello/instances/dev.yaml"), "version: 1.2.3\n");
      RevCommit theirCommit = GitFixture.commitAll(theirs, "Bump hello in dev");
      theirs.push().call();

      List<ObjectId> regeneratedFrom = new ArrayList<>();
      ObjectId pushed = committer.push("main", source -> {
        regeneratedFrom.add(source);
        generate(repo, source);
      });

      assertThat(regeneratedFrom).containsExactly(theirCommit.getId());
      try (Git bare = Git.open(remote.toFile())) {
        List<RevCommit> log = new ArrayList<>();
        bare.log().call().forEach(log::add);
        assertThat(log.get(0).getId()).isEqualTo(pushed);
        assertThat(log.get(0).getParent(0).getId()).isEqualTo(theirCommit.getId());
        assertThat(log.get(0).getFullMessage()).contains("Source commit: " + theirCommit.getName());
        String values = new String(bare.getRepository().open(
            bare.getRepository().resolve("main:umbrella-chart/values-dev.yaml")).getBytes());
        assertThat(values).contains("1.2.3");
      }
      assertThat(Files.readString(work.resolve("README.md"))).isEqualTo("unrelated local edit\n");
      assertThat(ours.status().call().getModified()).containsExactly("README.md");
      assertThat(events).anyMatch(e -> e.contains("moved on meanwhile"));
    }
  }

  @Test
  void push_whenTheRemoteKeepsMoving_givesUpAfterThreeAttemptsWithoutForcing() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    Path work = temp.resolve("ours");
    try (Git ours = GitFixture.cloneOf(remote, work); GitRepo repo = GitRepo.openLocal(work);
         Git theirs = GitFixture.cloneOf(remote, temp.resolve("theirs"))) {
      GitCommitter committer = new GitCommitter(repo, BOT, listener);
      int[] version = {1};
      Runnable theyPush = () -> {
        GitFixture.write(temp.resolve("theirs/apps/hello/instances/dev.yaml"), "version: 1.0." + version[0]++ + "\n");
        GitFixture.commitAll(theirs, "Another bump");
        try {
          theirs.push().call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
          throw new IllegalStateException(e);
        }
      };
      generate(repo, head(ours.getRepository()));
      committer.commit(head(ours.getRepository())).orElseThrow();
      theyPush.run();

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> committer.push("main", source -> {
        generate(repo, source);
        theyPush.run();
      })).isInstanceOf(dev.chartfactory.core.error.GitException.class)
          .hasMessageContaining("after 3 attempts")
          .hasMessageContaining("nothing was force-pushed");
      try (Git bare = Git.open(remote.toFile())) {
        assertThat(bare.log().setMaxCount(1).call().iterator().next().getAuthorIdent().getName()).isEqualTo("Tester");
      }
      // No generated commit stays on the local branch; the charts stay in the work tree.
      assertThat(ours.log().setMaxCount(1).call().iterator().next().getAuthorIdent().getName()).isEqualTo("Tester");
      assertThat(ours.status().call().getUntracked()).anyMatch(path -> path.startsWith("charts/hello/"));
    }
  }

  @Test
  void push_toAnExistingPullRequestBranch_isRefusedEvenAsAFastForward_andTheCommitIsTakenBack() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    Path work = temp.resolve("clone");
    try (Git git = GitFixture.cloneOf(remote, work); GitRepo repo = GitRepo.openLocal(work)) {
      ObjectId seed = head(git.getRepository());
      // Someone's branch of that name, at the commit ours will be made on: a fast-forward away.
      git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/charts/update")).call();
      GitCommitter committer = new GitCommitter(repo, BOT, listener);
      generate(repo, seed);
      committer.commit(seed).orElseThrow();

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> committer.push("charts/update", null))
          .isInstanceOf(dev.chartfactory.core.error.GitException.class)
          .hasMessageContaining("the branch already exists on origin")
          .hasMessageContaining("choose a new --pr-branch name")
          .hasMessageContaining("taken back off the local branch");
      try (Git bare = Git.open(remote.toFile())) {
        assertThat(bare.getRepository().resolve("charts/update")).isEqualTo(seed);
      }
      assertThat(head(git.getRepository())).isEqualTo(seed);
      Status status = git.status().call();
      assertThat(status.getUntracked()).anyMatch(path -> path.startsWith("charts/hello/"));
      assertThat(status.getAdded()).isEmpty();
    }
  }

  @Test
  void push_toAPullRequestBranch_createsItAndLeavesMainAlone() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    Path work = temp.resolve("clone");
    try (Git git = GitFixture.cloneOf(remote, work); GitRepo repo = GitRepo.openLocal(work)) {
      ObjectId mainBefore;
      try (Git bare = Git.open(remote.toFile())) {
        mainBefore = bare.getRepository().resolve("main");
      }
      GitCommitter committer = new GitCommitter(repo, BOT, listener);
      generate(repo, head(git.getRepository()));
      RevCommit made = committer.commit(head(git.getRepository())).orElseThrow();
      committer.push("charts/update", null);
      try (Git bare = Git.open(remote.toFile())) {
        assertThat(bare.getRepository().resolve("charts/update")).isEqualTo(made.getId());
        assertThat(bare.getRepository().resolve("main")).isEqualTo(mainBefore);
      }
    }
  }

  @Test
  void requireCommittedSpecs_whenASpecIsEdited_refusesAndNamesIt() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    Path work = temp.resolve("clone");
    try (Git git = GitFixture.cloneOf(remote, work); GitRepo repo = GitRepo.openLocal(work)) {
      GitCommitter committer = new GitCommitter(repo, BOT, listener);
      GitFixture.write(work.resolve("README.md"), "not a spec\n");
      committer.requireCommittedSpecs();
      GitFixture.write(work.resolve("apps/hello/instances/dev.yaml"), "version: 2.0.0\n");
      org.assertj.core.api.Assertions.assertThatThrownBy(committer::requireCommittedSpecs)
          .isInstanceOf(dev.chartfactory.core.error.GitException.class)
          .hasMessageContaining("spec files have uncommitted changes: apps/hello/instances/dev.yaml");
    }
  }

  @Test
  void helmBuildOutput_isNeverAGeneratedPath() {
    assertThat(GitCommitter.helmOwned("umbrella-chart/charts/hello-0.1.0.tgz")).isTrue();
    assertThat(GitCommitter.helmOwned("umbrella-chart/Chart.lock")).isTrue();
    assertThat(GitCommitter.helmOwned("charts/hello/charts/x.tgz")).isTrue();
    assertThat(GitCommitter.helmOwned("umbrella-chart/values.yaml")).isFalse();
    assertThat(GitCommitter.helmOwned("charts/hello/Chart.yaml")).isFalse();
  }

  private static List<String> changedPaths(Repository repository, RevCommit commit) throws IOException {
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      RevCommit parent = walk.parseCommit(commit.getParent(0));
      CanonicalTreeParser oldTree = new CanonicalTreeParser(null, reader, parent.getTree());
      CanonicalTreeParser newTree = new CanonicalTreeParser(null, reader, walk.parseCommit(commit).getTree());
      try (Git git = Git.wrap(repository)) {
        return git.diff().setOldTree(oldTree).setNewTree(newTree).call().stream()
            .map(d -> d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath()).toList();
      } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
