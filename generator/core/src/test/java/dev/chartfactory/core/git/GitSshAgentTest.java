package dev.chartfactory.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in with the keys of a real OpenSSH ssh-agent (started here, on a socket in a temp
 * folder) against a real SSH server on 127.0.0.1, with no key file given.
 */
class GitSshAgentTest {

  @TempDir Path temp;
  private SshFixture ssh;
  private Process agent;
  private Path socket;

  @BeforeEach
  void startServerAndAgent() throws Exception {
    requireOpenSsh();
    ssh = SshFixture.serve(GitFixture.remoteWithSmallExample(temp), temp);
    // Unix sockets take paths of about 100 bytes at most: a short folder of its own.
    Path folder = Files.createTempDirectory("agent");
    socket = folder.resolve("s");
    agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int i = 0; i < 100 && !Files.exists(socket); i++) {
      Thread.sleep(50);
    }
    assertThat(socket).as("ssh-agent's socket").exists();
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.destroy();
      agent.waitFor(5, TimeUnit.SECONDS);
      Files.deleteIfExists(socket);
      Files.deleteIfExists(socket.getParent());
    }
    if (ssh != null) {
      ssh.close();
    }
  }

  @Test
  void openRemote_withTheKeyInTheAgent_clonesWithoutAKeyFile() throws Exception {
    sshAdd(ssh.key);
    ssh.useAgent(socket);

    try (GitRepo repo = GitRepo.openRemote(ssh.url(), temp.resolve("cache"))) {
      assertThat(new String(new GitSpecSource(repo, "main").read("factory.yaml"), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(TestRepos.projectRoot().resolve("examples/small/factory.yaml")));
    }
  }

  @Test
  void openRemote_whenTheAgentHoldsNoKey_saysWhichKeysItTried() {
    ssh.useAgent(socket);

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("refused SSH login as 'git' with the keys of the ssh-agent at " + socket
            + " (SSH_AUTH_SOCK) and no other");
  }

  @Test
  void openRemote_whenTheAgentSocketIsGone_saysSoInsteadOfHanging() {
    Path stale = socket.resolveSibling("gone");
    ssh.useAgent(stale);

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("the ssh-agent at " + stale + " cannot be reached (no such socket; is SSH_AUTH_SOCK out of date?)");
  }

  private void sshAdd(Path key) throws IOException, InterruptedException {
    // ssh-add refuses a private key that others may read.
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
    add.environment().put("SSH_AUTH_SOCK", socket.toString());
    Process process = add.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("ssh-add: %s", output).isZero();
  }

  /** OpenSSH's agent and ssh-add; scripts/install-test-deps.sh installs them. On CI, missing fails. */
  private static void requireOpenSsh() throws InterruptedException {
    for (String tool : List.of("ssh-agent", "ssh-add")) {
      boolean found;
      try {
        found = new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
      } catch (IOException e) {
        found = false;
      }
      if (!found && "true".equals(System.getenv("CI"))) {
        throw new AssertionError(tool + " is not installed (scripts/install-test-deps.sh installs openssh-client)");
      }
      Assumptions.assumeTrue(found, tool + " is not installed: skipping the ssh-agent tests");
    }
  }
}
