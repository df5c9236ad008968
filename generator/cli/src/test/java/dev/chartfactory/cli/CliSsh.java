package dev.chartfactory.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.eclipse.jgit.junit.ssh.SshTestGitServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * JGit's test SSH server on 127.0.0.1 serving one bare repository to the user "git" with an
 * ed25519 key, and that key and a known_hosts for the CLI, given through the system properties
 * that stand in for FACTORY_SSH_KEY and FACTORY_SSH_KNOWN_HOSTS (and an empty home, so the
 * ~/.ssh of whoever runs the tests plays no part). {@link #close()} clears them.
 */
final class CliSsh implements AutoCloseable {

  private static final List<String> PROPERTIES =
      List.of("factory.ssh.home", "factory.ssh.key", "factory.ssh.known.hosts", "factory.ssh.auth.sock");

  final Path knownHosts;
  final int port;
  private final Repository served;
  private final SshTestGitServer server;

  CliSsh(Path bare, Path temp) throws IOException, GeneralSecurityException {
    Path client = Files.createDirectories(temp.resolve("ssh-client"));
    KeyPair userKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
    Path key = client.resolve("id_ed25519");
    try (OutputStream out = Files.newOutputStream(key)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "chart-factory-test", null, out);
    }
    KeyPair hostKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
    served = new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    server = new SshTestGitServer("git", userKey.getPublic(), served, hostKey) {
      {
        server.setHost("127.0.0.1");
      }
    };
    port = server.start();
    knownHosts = client.resolve("known_hosts");
    Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
    System.setProperty("factory.ssh.home", Files.createDirectories(temp.resolve("ssh-home")).toString());
    System.setProperty("factory.ssh.key", key.toString());
    System.setProperty("factory.ssh.known.hosts", knownHosts.toString());
    System.setProperty("factory.ssh.auth.sock", "");
  }

  String url() {
    return "ssh://git@127.0.0.1:" + port + "/config.git";
  }

  @Override
  public void close() throws IOException {
    PROPERTIES.forEach(System::clearProperty);
    try {
      server.stop();
    } finally {
      served.close();
    }
  }
}
