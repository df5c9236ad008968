package dev.chartfactory.core.git;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.transport.SshConstants;
import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;
import org.eclipse.jgit.transport.sshd.agent.Connector;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

/**
 * Lets JGit's SSH client use the keys of a running ssh-agent (OpenSSH's, or any that speaks its
 * protocol on a Unix socket), through the JDK's own Unix-domain sockets. JGit's connector for
 * this needs JNA and is not published with JGit 7.4, so without this class JGit offers no
 * agent keys at all.
 *
 * <p>The socket is {@code SSH_AUTH_SOCK} (given to the constructor), or the host's
 * {@code IdentityAgent} in {@code ~/.ssh/config}; {@code IdentityAgent none} turns the agent
 * off. An agent that cannot be reached is skipped, like OpenSSH does, and the reason kept for
 * the error message should the login then fail.
 */
final class SshAgentConnectors implements ConnectorFactory {

  private static final ConnectorDescriptor AUTH_SOCK = new ConnectorDescriptor() {
    @Override
    public String getIdentityAgent() {
      return SshConstants.ENV_SSH_AUTH_SOCKET;
    }

    @Override
    public String getDisplayName() {
      return "ssh-agent ($" + SshConstants.ENV_SSH_AUTH_SOCKET + ")";
    }
  };

  private final Path authSock;
  private final Queue<String> problems;

  /**
   * @param authSock the agent's socket from {@code SSH_AUTH_SOCK}, or null
   * @param problems collects why an agent could not be used
   */
  SshAgentConnectors(Path authSock, Queue<String> problems) {
    this.authSock = authSock;
    this.problems = problems;
  }

  @Override
  public Connector create(String identityAgent, File homeDir) {
    return new SocketConnector(socket(identityAgent, homeDir));
  }

  private Path socket(String identityAgent, File homeDir) {
    if (identityAgent == null || identityAgent.isBlank() || identityAgent.equals(SshConstants.ENV_SSH_AUTH_SOCKET)) {
      return authSock;
    }
    if (identityAgent.startsWith("~/")) {
      return homeDir.toPath().resolve(identityAgent.substring(2));
    }
    return Path.of(identityAgent);
  }

  @Override
  public boolean isSupported() {
    return true;
  }

  @Override
  public String getName() {
    return "chart-factory-unix-socket";
  }

  @Override
  public Collection<ConnectorDescriptor> getSupportedConnectors() {
    return List.of(AUTH_SOCK);
  }

  @Override
  public ConnectorDescriptor getDefaultConnector() {
    return AUTH_SOCK;
  }

  /** One connection to the agent: requests and replies are length-prefixed messages. */
  private final class SocketConnector extends AbstractConnector {

    private final Path socket;
    private SocketChannel channel;

    SocketConnector(Path socket) {
      this.socket = socket;
    }

    @Override
    public synchronized boolean connect() {
      if (channel != null) {
        return true;
      }
      if (socket == null) {
        return false;
      }
      SocketChannel opened = null;
      try {
        opened = SocketChannel.open(StandardProtocolFamily.UNIX);
        opened.connect(UnixDomainSocketAddress.of(socket));
        channel = opened;
        return true;
      } catch (IOException | RuntimeException e) {
        closeQuietly(opened);
        problems.add("the ssh-agent at " + socket + " cannot be reached ("
            + (Files.exists(socket) ? e.getMessage() : "no such socket; is SSH_AUTH_SOCK out of date?") + ")");
        return false;
      }
    }

    @Override
    public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
      prepareMessage(command, message);
      if (channel == null) {
        throw new IllegalStateException("not connected to the ssh-agent");
      }
      ByteBuffer request = ByteBuffer.wrap(message);
      while (request.hasRemaining()) {
        channel.write(request);
      }
      byte[] length = read(4);
      return read(toLength(command, length));
    }

    private byte[] read(int count) throws IOException {
      ByteBuffer reply = ByteBuffer.allocate(count);
      while (reply.hasRemaining()) {
        if (channel.read(reply) < 0) {
          throw new SshException("the ssh-agent at " + socket + " closed the connection after "
              + reply.position() + " of " + count + " bytes");
        }
      }
      return reply.array();
    }

    @Override
    public synchronized void close() throws IOException {
      if (channel != null) {
        channel.close();
        channel = null;
      }
    }

    private static void closeQuietly(SocketChannel opened) {
      if (opened != null) {
        try {
          opened.close();
        } catch (IOException ignored) {
          // Never connected: nothing to release.
        }
      }
    }
  }
}
