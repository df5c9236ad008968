package dev.chartfactory.core.git;

import dev.chartfactory.core.TestRepos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Real repositories for Git tests: a bare remote, clones of it, commits by a test person. */
final class GitFixture {

  static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.com");
  static final String GITIGNORE = "umbrella-chart/charts/\numbrella-chart/Chart.lock\numbrella-chart/tmpcharts/\n";

  private GitFixture() {}

  /** A bare remote whose main branch holds examples/small and a .gitignore; returns its folder. */
  static Path remoteWithSmallExample(Path temp) {
    try {
      Path remote = temp.resolve("remote.git");
      Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
      Path seed = temp.resolve("seed");
      try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(seed.toFile()).call()) {
        git.checkout().setOrphan(true).setName("main").call();
        TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/small"), seed);
        Files.writeString(seed.resolve(".gitignore"), GITIGNORE);
        Files.writeString(seed.resolve("README.md"), "config repo\n");
        commitAll(git, "Add the small example");
        git.push().setRemote("origin").add("main").call();
      }
      return remote;
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Git cloneOf(Path remote, Path folder) {
    try {
      return Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(folder.toFile()).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  static RevCommit commitAll(Git git, String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return git.commit().setAuthor(TESTER).setCommitter(TESTER).setMessage(message).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
