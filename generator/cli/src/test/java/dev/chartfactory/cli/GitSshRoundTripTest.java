package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate-all with an ssh:// --repo, and --push to an ssh:// origin, against a real SSH server. */
class GitSshRoundTripTest {

  private static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.com");

  @TempDir Path temp;
  private Path remote;
  private Path work;
  private ObjectId seed;
  private CliSsh ssh;

  @BeforeEach
  void remoteServedOverSsh() throws Exception {
    CliRepos.requireHelm();
    remote = temp.resolve("remote.git");
    work = temp.resolve("ours");
    seed = CliRepos.remoteWithSmallExample(remote, work, TESTER, Map.of());
    ssh = new CliSsh(remote, temp);
    System.setProperty("factory.git.cache", temp.resolve("cache").toString());
  }

  @AfterEach
  void stopTheServer() throws Exception {
    System.clearProperty("factory.git.cache");
    if (ssh != null) {
      ssh.close();
    }
  }

  @Test
  void repo_asAnSshUrl_isClonedOverSshAndReadWithADryRun() {
    CliRun run = CliRun.of("generate-all", "--repo", ssh.url(), "--ref", "main", "--dry-run", "--skip-validation",
        "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("would change:", "charts/hello", "@main (" + seed.abbreviate(7).name() + ")");
  }

  @Test
  void push_toAnSshOrigin_reachesTheRemote() throws Exception {
    try (Git git = Git.open(work.toFile())) {
      StoredConfig config = git.getRepository().getConfig();
      config.setString("remote", "origin", "url", ssh.url());
      config.save();
    }

    CliRun run = CliRun.of("generate-all", "--repo", work.toString(), "--push", "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Git bare = Git.open(remote.toFile())) {
      RevCommit top = bare.log().setMaxCount(1).call().iterator().next();
      assertThat(top.getParent(0).getId()).isEqualTo(seed);
      assertThat(top.getFullMessage()).contains("Source commit: " + seed.name());
    }
  }

  @Test
  void repo_asAnSshUrl_whenTheHostIsNotKnown_exitsThreeAndSaysHowToAddIt() throws Exception {
    Files.writeString(ssh.knownHosts, "");

    CliRun run = CliRun.of("generate-all", "--repo", ssh.url(), "--dry-run", "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("the SSH host [127.0.0.1]:" + ssh.port + " is not in " + ssh.knownHosts,
        "ssh-keyscan -p " + ssh.port + " 127.0.0.1 >> " + ssh.knownHosts);
  }
}
