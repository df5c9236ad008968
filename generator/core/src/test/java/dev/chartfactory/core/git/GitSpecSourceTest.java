package dev.chartfactory.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSpecSourceTest {

  @TempDir Path temp;

  @Test
  void read_fromBranchTagAndCommitId_withoutCheckout() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    try (Git clone = GitFixture.cloneOf(remote, temp.resolve("clone"))) {
      Path work = temp.resolve("clone");
      RevCommit first = clone.log().setMaxCount(1).call().iterator().next();
      clone.tag().setName("v1").setAnnotated(true).setMessage("v1").setTagger(GitFixture.TESTER).call();
      GitFixture.write(work.resolve("apps/hello/instances/dev.yaml"), "version: 2.0.0\n");
      GitFixture.commitAll(clone, "Bump hello");
      // The work tree now differs from the tag and the first commit: reading them needs no checkout.
      GitFixture.write(work.resolve("apps/hello/instances/dev.yaml"), "version: 3.0.0-dirty\n");
      Repository repository = clone.getRepository();

      GitSpecSource tag = new GitSpecSource(repository, "v1");
      GitSpecSource byId = new GitSpecSource(repository, first.getName());
      GitSpecSource branch = new GitSpecSource(repository, "main");

      assertThat(tag.commitId()).isEqualTo(first.getId());
      assertThat(byId.commitId()).isEqualTo(first.getId());
      assertThat(text(tag, "apps/hello/instances/dev.yaml")).doesNotContain("2.0.0", "3.0.0");
      assertThat(text(branch, "apps/hello/instances/dev.yaml")).isEqualTo("version: 2.0.0\n");
      assertThat(tag.files()).isEqualTo(new DirectorySpecSource(work).files().stream()
          .toList());
      assertThat(tag.describe()).endsWith("@v1 (" + first.getName().substring(0, 7) + ")");
      assertThat(tag.fingerprint("factory.yaml")).isEqualTo(
          repository.resolve(first.getName() + ":factory.yaml").getName());
      assertThat(tag.size("factory.yaml")).isEqualTo(tag.read("factory.yaml").length);
      // And the pipeline loads it like a folder.
      assertThat(new Pipeline(PipelineListener.SILENT).resolve(tag).baseApps()).containsKey("hello");
    }
  }

  @Test
  void read_configRepoInASubfolder_listsPathsRelativeToIt() throws Exception {
    Path work = temp.resolve("mono");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
      dev.chartfactory.core.TestRepos.copyTree(dev.chartfactory.core.TestRepos.projectRoot()
          .resolve("examples/small"), work.resolve("deploy/config"));
      GitFixture.write(work.resolve("apps/other/app.yaml"), "name: not-this-one\n");
      GitFixture.commitAll(git, "Monorepo");
      try (GitRepo repo = GitRepo.openLocal(work.resolve("deploy/config"))) {
        assertThat(repo.prefix()).isEqualTo("deploy/config/");
        GitSpecSource source = new GitSpecSource(repo, "HEAD");
        assertThat(source.files()).containsExactlyElementsOf(new DirectorySpecSource(work.resolve("deploy/config")).files());
      }
    }
  }

  @Test
  void read_whenTheRefDoesNotExist_namesSomeBranches() throws Exception {
    Path remote = GitFixture.remoteWithSmallExample(temp);
    try (Git clone = GitFixture.cloneOf(remote, temp.resolve("clone"))) {
      clone.branchCreate().setName("feature/x").call();
      assertThatThrownBy(() -> new GitSpecSource(clone.getRepository(), "mian"))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("ref 'mian' not found")
          .hasMessageContaining("branches include: feature/x, main");
    }
  }

  private static String text(GitSpecSource source, String path) {
    return new String(source.read(path), StandardCharsets.UTF_8);
  }
}
