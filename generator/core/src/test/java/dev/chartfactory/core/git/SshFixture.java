package dev.chartfactory.core.git;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real SSH server (JGit's test server: Apache MINA sshd) on 127.0.0.1 serving one bare
 * repository to the user {@value #USER} with one key, and a client side in a temp folder: that
 * key in OpenSSH format, a known_hosts with the server's host key, and an empty home. {@link
 * #use()} points GitAuth at them through its system properties; {@link #close()} clears them.
 */
final class SshFixture implements AutoCloseable {

  static final String USER = "git";

  final Path key;
  final Path knownHosts;
  final int port;
  final KeyPair hostKey;
  private final Path home;
  private final Repository served;
  private final SshTestGitServer server;

  private SshFixture(Path bare, Path temp) throws IOException, GeneralSecurityException {
    Path client = Files.createDirectories(temp.resolve("ssh-client"));
    home = Files.createDirectories(temp.resolve("ssh-home"));
    KeyPair userKey = KeyUtils.generateKeyPair("ssh-rsa", 2048);
    key = writeKey(userKey, client.resolve("id_rsa"), null);
    hostKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    served = new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    server = new LoopbackServer(userKey, served, hostKey);
    port = server.start();
    knownHosts = client.resolve("known_hosts");
    Files.writeString(knownHosts, knownHostsLine(hostKey) + "\n");
  }

  /** Serves {@code bare} over SSH; client files go below {@code temp}. */
  static SshFixture serve(Path bare, Path temp) {
    try {
      return new SshFixture(bare, temp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return "ssh://" + USER + "@127.0.0.1:" + port + "/config.git";
  }

  /** The known_hosts line for this server with {@code key} as its host key. */
  String knownHostsLine(KeyPair key) {
    return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key.getPublic());
  }

  /** GitAuth uses this key, this known_hosts and an empty home (no ~/.ssh of the user running the tests). */
  SshFixture use() {
    return use(key, null);
  }

  SshFixture use(Path privateKey, String passphrase) {
    System.setProperty("factory.ssh.home", home.toString());
    System.setProperty("factory.ssh.key", privateKey.toString());
    System.setProperty("factory.ssh.known.hosts", knownHosts.toString());
    // Not the agent of whoever runs the tests.
    System.setProperty("factory.ssh.auth.sock", "");
    if (passphrase == null) {
      System.clearProperty("factory.ssh.key.passphrase");
    } else {
      System.setProperty("factory.ssh.key.passphrase", passphrase);
    }
    return this;
  }

  /** GitAuth uses no key file, only the ssh-agent at {@code socket}, this known_hosts and an empty home. */
  SshFixture useAgent(Path socket) {
    System.setProperty("factory.ssh.home", home.toString());
    System.clearProperty("factory.ssh.key");
    System.clearProperty("factory.ssh.key.passphrase");
    System.setProperty("factory.ssh.known.hosts", knownHosts.toString());
    System.setProperty("factory.ssh.auth.sock", socket.toString());
    return this;
  }

  /** Lets the server accept another key instead of the first. */
  void accept(KeyPair userKey) {
    server.setTestUserPublicKey(userKey.getPublic());
  }

  /** A private key in OpenSSH format, encrypted (aes256-ctr, bcrypt) when a passphrase is given. */
  static Path writeKey(KeyPair pair, Path file, String passphrase) {
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setCipherName("AES");
      encryption.setCipherType("256");
      encryption.setCipherMode("CTR");
      encryption.setPassword(passphrase);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "chart-factory-test", encryption, out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    List.of("factory.ssh.home", "factory.ssh.key", "factory.ssh.known.hosts", "factory.ssh.key.passphrase",
        "factory.ssh.auth.sock").forEach(System::clearProperty);
    try {
      server.stop();
    } finally {
      served.close();
    }
  }

  /** Listens on the loopback interface only (sshd's default is every interface). */
  private static final class LoopbackServer extends SshTestGitServer {
    LoopbackServer(KeyPair userKey, Repository repository, KeyPair hostKey) {
      super(USER, userKey.getPublic(), repository, hostKey);
      server.setHost("127.0.0.1");
    }
  }
}
