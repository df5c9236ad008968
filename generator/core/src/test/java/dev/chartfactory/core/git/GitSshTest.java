package dev.chartfactory.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.GitException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clone, fetch and push over SSH against a real SSH server on 127.0.0.1. */
class GitSshTest {

  @TempDir Path temp;
  private Path remote;
  private SshFixture ssh;

  @BeforeEach
  void serveTheSmallExample() {
    remote = GitFixture.remoteWithSmallExample(temp);
    ssh = SshFixture.serve(remote, temp);
  }

  @AfterEach
  void stopTheServer() throws Exception {
    if (ssh != null) {
      ssh.close();
    }
  }

  @Test
  void openRemote_overSsh_clonesThenFetches_andReadsSpecsAtARef() throws Exception {
    ssh.use();
    Path cache = temp.resolve("cache");
    try (GitRepo repo = GitRepo.openRemote(ssh.url(), cache)) {
      assertThat(text(new GitSpecSource(repo, "main"), "factory.yaml"))
          .isEqualTo(Files.readString(TestRepos.projectRoot().resolve("examples/small/factory.yaml")));
    }
    RevCommit bump;
    try (Git clone = GitFixture.cloneOf(remote, temp.resolve("other"))) {
      GitFixture.write(temp.resolve("other/apps/hello/instances/dev.yaml"), "version: 1.2.3\n");
      bump = GitFixture.commitAll(clone, "Bump hello");
      clone.tag().setName("v2").call();
      clone.push().setPushTags().add("main").call();
    }

    try (GitRepo repo = GitRepo.openRemote(ssh.url(), cache)) {
      GitSpecSource source = new GitSpecSource(repo, "v2");
      assertThat(source.commitId()).isEqualTo(bump.getId());
      assertThat(text(source, "apps/hello/instances/dev.yaml")).isEqualTo("version: 1.2.3\n");
    }
  }

  @Test
  void push_overSsh_andWhenTheRemoteMovedOn_fetchesOverSshAndPushesAgain() throws Exception {
    ssh.use();
    Path work = temp.resolve("work");
    GitAuth.fromEnvironment().apply(Git.cloneRepository().setURI(ssh.url()).setDirectory(work.toFile())).call().close();
    RevCommit theirs;
    try (Git other = GitFixture.cloneOf(remote, temp.resolve("other"))) {
      GitFixture.write(temp.resolve("other/README.md"), "changed meanwhile\n");
      theirs = GitFixture.commitAll(other, "Someone else pushes first");
      other.push().call();
    }
    GitFixture.write(work.resolve("charts/hello/Chart.yaml"), "name: hello\n");

    try (GitRepo repo = GitRepo.openLocal(work)) {
      GitCommitter committer = new GitCommitter(repo, GitFixture.TESTER, PipelineListener.SILENT);
      ObjectId source = repo.repository().resolve("HEAD");
      assertThat(committer.commit(source)).isPresent();
      ObjectId pushed = committer.push("main", newHead -> GitFixture.write(work.resolve("charts/hello/Chart.yaml"),
          "name: hello\n# from " + newHead.name() + "\n"));

      try (Git bare = Git.open(remote.toFile())) {
        RevCommit top = bare.log().setMaxCount(1).call().iterator().next();
        assertThat(top.getId()).isEqualTo(pushed);
        assertThat(top.getParent(0).getId()).isEqualTo(theirs.getId());
        assertThat(new String(bare.getRepository().open(bare.getRepository().resolve("main:charts/hello/Chart.yaml"))
            .getBytes(), StandardCharsets.UTF_8)).contains("# from " + theirs.getName());
      }
    }
  }

  @Test
  void openRemote_withAKeyTheServerDoesNotKnow_namesTheKeyAndWhatToSet() {
    Path wrong = SshFixture.writeKey(newKey("ssh-rsa", 2048), temp.resolve("wrong_key"), null);
    ssh.use(wrong, null);

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("cannot clone or fetch " + ssh.url())
        .hasMessageContaining("127.0.0.1:" + ssh.port + " refused SSH login as 'git' with the key " + wrong
            + " (FACTORY_SSH_KEY)")
        .hasMessageContaining("set FACTORY_SSH_KEY to the private key the server accepts")
        .hasMessageContaining("FACTORY_SSH_KEY_PASSPHRASE");
  }

  @Test
  void openRemote_whenTheHostIsNotInKnownHosts_refusesAndSaysHowToAddIt() throws Exception {
    ssh.use();
    Files.writeString(ssh.knownHosts, "");

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("the SSH host [127.0.0.1]:" + ssh.port + " is not in " + ssh.knownHosts + ";")
        .hasMessageContaining("it offered the key ecdsa-sha2-nistp256 " + KeyUtils.getFingerPrint(ssh.hostKey.getPublic()))
        .hasMessageContaining("ssh-keyscan -p " + ssh.port + " 127.0.0.1 >> " + ssh.knownHosts);
    // Never accepted, never written.
    assertThat(ssh.knownHosts).isEmptyFile();
  }

  @Test
  void openRemote_whenTheHostKeyChanged_refuses() throws Exception {
    ssh.use();
    String known = ssh.knownHostsLine(newKey("ecdsa-sha2-nistp256", 256)) + "\n";
    Files.writeString(ssh.knownHosts, known);

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("which is not the one " + ssh.knownHosts + " has for it")
        .hasMessageContaining("the host's key changed, or someone is in between");
    assertThat(Files.readString(ssh.knownHosts)).isEqualTo(known);
  }

  @Test
  void openRemote_whenNothingListens_saysTheHostCannotBeReached() throws Exception {
    ssh.use();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "ssh://git@127.0.0.1:" + closedPort + "/config.git";

    assertThatThrownBy(() -> GitRepo.openRemote(url, temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("cannot reach 127.0.0.1:" + closedPort + " over SSH")
        .hasMessageContaining("check the host name and port in the URL");
  }

  @Test
  void openRemote_withAnEd25519KeyAndItsPassphrase_clones() throws Exception {
    KeyPair ed25519 = newKey("ssh-ed25519", 256);
    ssh.accept(ed25519);
    Path key = SshFixture.writeKey(ed25519, temp.resolve("id_ed25519"), "correct horse");
    ssh.use(key, "correct horse");

    try (GitRepo repo = GitRepo.openRemote(ssh.url(), temp.resolve("cache"))) {
      assertThat(repo.someBranches(5)).containsExactly("main");
    }
  }

  @Test
  void openRemote_withTheWrongPassphrase_saysTheKeyCannotBeRead() {
    KeyPair ed25519 = newKey("ssh-ed25519", 256);
    ssh.accept(ed25519);
    Path key = SshFixture.writeKey(ed25519, temp.resolve("id_ed25519"), "correct horse");
    ssh.use(key, "battery staple");

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("cannot read the SSH key " + key + " (FACTORY_SSH_KEY): ")
        .hasMessageContaining("is FACTORY_SSH_KEY_PASSPHRASE its passphrase?, so no key was offered to 127.0.0.1:" + ssh.port);
  }

  @Test
  void openRemote_withAnEncryptedKeyAndNoPassphrase_asksForIt() {
    KeyPair ed25519 = newKey("ssh-ed25519", 256);
    ssh.accept(ed25519);
    Path key = SshFixture.writeKey(ed25519, temp.resolve("id_ed25519"), "correct horse");
    ssh.use(key, null);

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("the SSH key " + key + " (FACTORY_SSH_KEY) has a passphrase; set FACTORY_SSH_KEY_PASSPHRASE,"
            + " so no key was offered to 127.0.0.1:" + ssh.port);
  }

  @Test
  void openRemote_whenTheKeyFileIsMissing_saysSoBeforeConnecting() {
    Path missing = temp.resolve("no_such_key");
    ssh.use(missing, null);

    assertThatThrownBy(() -> GitRepo.openRemote(ssh.url(), temp.resolve("cache")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("FACTORY_SSH_KEY is " + missing + ", which is not a file; set it to the path of a private key file");
  }

  private static KeyPair newKey(String algorithm, int size) {
    try {
      return KeyUtils.generateKeyPair(algorithm, size);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(GitSpecSource source, String path) {
    return new String(source.read(path), StandardCharsets.UTF_8);
  }
}
