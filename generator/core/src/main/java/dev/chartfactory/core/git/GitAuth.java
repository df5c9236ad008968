package dev.chartfactory.core.git;

import dev.chartfactory.core.error.GitException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.UnresolvedAddressException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.SshConstants;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How one clone, fetch or push authenticates, read from the environment when it is made.
 *
 * <ul>
 *   <li>HTTP(S): the token in {@code FACTORY_GIT_TOKEN}, when set.
 *   <li>SSH ({@code ssh://}, {@code git@host:path}): the private key in {@code FACTORY_SSH_KEY},
 *       its passphrase from {@code FACTORY_SSH_KEY_PASSPHRASE}; without it, as OpenSSH does, the
 *       keys of the ssh-agent at {@code SSH_AUTH_SOCK} ({@link SshAgentConnectors}) and the
 *       {@code id_*} keys of {@code ~/.ssh}. {@code ~/.ssh/config} is read either way. The host key
 *       must be in {@code FACTORY_SSH_KNOWN_HOSTS}, else {@code ~/.ssh/known_hosts}: an unknown or
 *       changed host key is refused, never accepted or written.
 * </ul>
 *
 * Each setting may also be given as a system property ({@code factory.ssh.key},
 * {@code factory.ssh.key.passphrase}, {@code factory.ssh.known.hosts},
 * {@code factory.ssh.auth.sock}, and {@code factory.ssh.home} for the folder holding
 * {@code .ssh}), which wins over the variable (an empty one unsets it): tests use them. An instance remembers why an SSH connection was refused, so that
 * {@link #failure} can say so: use one per command.
 */
final class GitAuth implements TransportConfigCallback {

  static final String TOKEN_VARIABLE = "FACTORY_GIT_TOKEN";
  static final String KEY_VARIABLE = "FACTORY_SSH_KEY";
  static final String PASSPHRASE_VARIABLE = "FACTORY_SSH_KEY_PASSPHRASE";
  static final String KNOWN_HOSTS_VARIABLE = "FACTORY_SSH_KNOWN_HOSTS";
  static final String AGENT_VARIABLE = "SSH_AUTH_SOCK";
  static final String ALLOW_INSECURE_VARIABLE = "FACTORY_GIT_ALLOW_INSECURE";

  private final String token;
  private final Path home;
  private final Path key;
  private final String passphrase;
  private final Path knownHosts;
  private final Path agentSocket;
  private final boolean allowInsecure;
  /** Credentials that were in the URL given on the command line, taken out of it. */
  private String urlUser;
  private String urlPassword;
  private final Queue<String> hostKeyRefusals = new ConcurrentLinkedQueue<>();
  private final Queue<String> keyProblems = new ConcurrentLinkedQueue<>();
  private volatile URIish sshUri;
  private volatile boolean http;

  private GitAuth(String token, Path home, Path key, String passphrase, Path knownHosts, Path agentSocket,
      boolean allowInsecure) {
    this.token = token;
    this.home = home;
    this.key = key;
    this.passphrase = passphrase;
    this.knownHosts = knownHosts;
    this.agentSocket = agentSocket;
    this.allowInsecure = allowInsecure;
  }

  /** The settings of the environment variables (or their system properties) as they are now. */
  static GitAuth fromEnvironment() {
    String homeSetting = setting("factory.ssh.home", null);
    Path home = Path.of(homeSetting != null ? homeSetting : System.getProperty("user.home")).toAbsolutePath();
    String keySetting = setting("factory.ssh.key", KEY_VARIABLE);
    String knownHostsSetting = setting("factory.ssh.known.hosts", KNOWN_HOSTS_VARIABLE);
    String agentSetting = setting("factory.ssh.auth.sock", AGENT_VARIABLE);
    return new GitAuth(setting("factory.git.token", TOKEN_VARIABLE), home,
        keySetting == null ? null : path(keySetting, home),
        setting("factory.ssh.key.passphrase", PASSPHRASE_VARIABLE),
        knownHostsSetting != null ? path(knownHostsSetting, home)
            : home.resolve(SshConstants.SSH_DIR).resolve(SshConstants.KNOWN_HOSTS),
        agentSetting == null ? null : path(agentSetting, home),
        "true".equalsIgnoreCase(setting("factory.git.allow.insecure", ALLOW_INSECURE_VARIABLE)));
  }

  /**
   * Authenticates HTTP(S) with the user name and password that were in the URL (see
   * {@link GitUrls#split}), so that they never need to be in a URL JGit stores. A password wins
   * over {@code FACTORY_GIT_TOKEN}; a user name alone goes with the token.
   */
  GitAuth withUrlCredentials(String user, String password) {
    this.urlUser = user;
    this.urlPassword = password;
    return this;
  }

  /** An absolute path; a leading "~/" (left unexpanded by quoting, or by a CI's settings) is the home folder. */
  private static Path path(String setting, Path home) {
    return setting.startsWith("~/") ? home.resolve(setting.substring(2)) : Path.of(setting).toAbsolutePath();
  }

  private static String setting(String property, String variable) {
    String value = property == null ? null : System.getProperty(property);
    if (value == null && variable != null) {
      value = System.getenv(variable);
    }
    return value == null || value.isBlank() ? null : value;
  }

  /** Lets {@code command} authenticate this way; returns it. */
  <C extends TransportCommand<C, ?>> C apply(C command) {
    return command.setTransportConfigCallback(this);
  }

  @Override
  public void configure(Transport transport) {
    if (transport instanceof SshTransport ssh) {
      sshUri = transport.getURI();
      ssh.setSshSessionFactory(sessionFactory());
    } else if (transport instanceof HttpTransport) {
      http = true;
      // GitHub, GitLab and Gitea accept a token as the password with any user name, and a token
      // given as the user name alone (https://TOKEN@host). Only over HTTP(S): an SSH server is
      // never offered the token.
      String secret = urlPassword != null ? urlPassword : token != null ? token : urlUser != null ? "" : null;
      String user = urlUser != null ? urlUser : "x-access-token";
      URIish uri = transport.getURI();
      String sent = urlPassword != null ? "the password in the URL"
          : token != null ? TOKEN_VARIABLE
          : urlUser != null || uri.getPass() != null || uri.getUser() != null ? "the credentials in the URL" : null;
      if (sent != null && "http".equalsIgnoreCase(uri.getScheme()) && !allowInsecure) {
        throw new GitException("refusing to send " + sent + " to " + GitUrls.split(uri.toString()).url()
            + " over plain http://, where anyone on the network path can read it: use the server's https:// URL;"
            + " only for a server you trust on a network you control (such as 127.0.0.1), set "
            + ALLOW_INSECURE_VARIABLE + "=true");
      }
      if (secret != null) {
        transport.setCredentialsProvider(new UsernamePasswordCredentialsProvider(user, secret));
      }
    }
  }

  private SshdSessionFactory sessionFactory() {
    if (key != null && !Files.isRegularFile(key)) {
      throw new GitException(KEY_VARIABLE + " is " + key + ", which is not a file;"
          + " set it to the path of a private key file");
    }
    Path sshDirectory = home.resolve(SshConstants.SSH_DIR);
    SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
        .setHomeDirectory(home.toFile())
        .setSshDirectory(sshDirectory.toFile())
        .setDefaultKnownHostsFiles(folder -> List.of(knownHosts))
        .setServerKeyDatabase((homeFolder, sshFolder) -> new StrictKnownHosts())
        .setKeyPasswordProvider(credentials -> new Passphrase());
    if (key != null) {
      // That key instead of the default ~/.ssh keys and an ssh-agent's (IdentityFile lines of
      // ~/.ssh/config for the host still count, as with 'ssh -i').
      builder.setDefaultIdentities(folder -> List.of(key)).setConnectorFactory(null);
    } else {
      builder.setConnectorFactory(new SshAgentConnectors(agentSocket, keyProblems));
    }
    // No key cache: the factory lives as long as one command, and then holds nothing to close.
    return builder.build(null);
  }

  /**
   * A GitException for a failed clone, fetch or push: {@code what} failed, and why, with a hint
   * for the causes we recognise (an unknown host key, an unreachable host, a refused key).
   */
  GitException failure(String what, Exception e) {
    GitException failure = explain(GitUrls.redact(what), e);
    return new GitException(GitUrls.redact(failure.getMessage()), e);
  }

  private GitException explain(String what, Exception e) {
    String reason = e.getMessage();
    if (e instanceof GitException known) {
      return new GitException(what + ": " + known.getMessage(), e);
    }
    if (!hostKeyRefusals.isEmpty()) {
      return new GitException(what + ": " + String.join("; ", hostKeyRefusals), e);
    }
    String keys = keyProblems.isEmpty() ? "" : "; " + String.join("; ", keyProblems);
    if (sshUri != null) {
      String host = sshUri.getHost() + ":" + (sshUri.getPort() > 0 ? sshUri.getPort() : 22);
      Throwable unreachable = cause(e, UnknownHostException.class, ConnectException.class,
          NoRouteToHostException.class, SocketTimeoutException.class, UnresolvedAddressException.class);
      if (unreachable != null) {
        return new GitException(what + ": cannot reach " + host + " over SSH (" + describe(unreachable)
            + "); check the host name and port in the URL, and that the network lets you through", e);
      }
      if (cause(e, SshException.class) != null && reason != null && reason.contains("Cannot log in")) {
        if (key != null && !keyProblems.isEmpty()) {
          return new GitException(what + ": " + String.join("; ", keyProblems) + ", so no key was offered to " + host, e);
        }
        // JGit's message lists each method and key it tried, one a line: keep what was refused.
        String refused = reason.lines().filter(line -> line.contains("refused") || line.contains("failed"))
            .collect(Collectors.joining("; "));
        return new GitException(what + ": " + host + " refused SSH login as '"
            + (sshUri.getUser() == null ? System.getProperty("user.name") : sshUri.getUser())
            + "' with " + keysTried() + (refused.isEmpty() ? "" : " (" + refused + ")") + keys
            + "; set " + KEY_VARIABLE + " to the private key the server accepts"
            + " (and " + PASSPHRASE_VARIABLE + " when it has a passphrase)", e);
      }
      return new GitException(what + ": " + reason + keys, e);
    }
    return new GitException(what + ": " + reason
        + (http && token == null && urlPassword == null ? " (perhaps set " + TOKEN_VARIABLE + " to a token that can access it)" : ""), e);
  }

  private String keysTried() {
    if (key != null) {
      return "the key " + key + " (" + KEY_VARIABLE + ")";
    }
    Path sshDirectory = home.resolve(SshConstants.SSH_DIR);
    List<String> found = new ArrayList<>();
    for (String name : SshConstants.DEFAULT_IDENTITIES) {
      if (Files.isRegularFile(sshDirectory.resolve(name))) {
        found.add(name);
      }
    }
    String agent = agentSocket == null ? "" : "the keys of the ssh-agent at " + agentSocket + " (" + AGENT_VARIABLE + ")";
    if (found.isEmpty()) {
      return agent.isEmpty() ? "no key (" + KEY_VARIABLE + " and " + AGENT_VARIABLE + " are not set and "
          + sshDirectory + " has no id_* key)"
          : agent + " and no other (" + KEY_VARIABLE + " is not set and " + sshDirectory + " has no id_* key)";
    }
    return (agent.isEmpty() ? "" : agent + " and ") + "the default keys " + String.join(", ", found) + " in "
        + sshDirectory + " (" + KEY_VARIABLE + " is not set)";
  }

  @SafeVarargs
  private static Throwable cause(Throwable e, Class<? extends Throwable>... types) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return t;
        }
      }
    }
    return null;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /**
   * Host keys from {@link #knownHosts} only, always checked strictly: an unknown or a changed
   * key is refused (and the reason kept for the message); the file is never written.
   */
  private final class StrictKnownHosts implements ServerKeyDatabase {

    private final ServerKeyDatabase file = new OpenSshServerKeyDatabase(false, List.of(knownHosts));

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
      return file.lookup(connectAddress, remoteAddress, strict(config));
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
        Configuration config, CredentialsProvider provider) {
      Configuration strict = strict(config);
      if (file.accept(connectAddress, remoteAddress, serverKey, strict, null)) {
        return true;
      }
      String offered = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
      String source = knownHosts + (Files.exists(knownHosts) ? "" : " (which does not exist)");
      if (file.lookup(connectAddress, remoteAddress, strict).isEmpty()) {
        hostKeyRefusals.add("the SSH host " + connectAddress + " is not in " + source + "; it offered the key "
            + offered + ". If that is the host's key, add it: " + keyscan(connectAddress) + " >> " + knownHosts
            + " (or set " + KNOWN_HOSTS_VARIABLE + " to a known_hosts file that has it)");
      } else {
        hostKeyRefusals.add("the SSH host " + connectAddress + " offered the key " + offered + ", which is not the one "
            + source + " has for it: the host's key changed, or someone is in between;"
            + " ask its administrators, then replace its line in " + knownHosts);
      }
      return false;
    }

    private Configuration strict(Configuration config) {
      return new Configuration() {
        @Override
        public List<String> getUserKnownHostsFiles() {
          return List.of(knownHosts.toString());
        }

        @Override
        public List<String> getGlobalKnownHostsFiles() {
          return config.getGlobalKnownHostsFiles();
        }

        @Override
        public StrictHostKeyChecking getStrictHostKeyChecking() {
          return StrictHostKeyChecking.REQUIRE_MATCH;
        }

        @Override
        public boolean getHashKnownHosts() {
          return false;
        }

        @Override
        public String getUsername() {
          return config.getUsername();
        }
      };
    }
  }

  /** "[host]:2222" or "host" (port 22), as known_hosts writes it, to an ssh-keyscan command. */
  static String keyscan(String connectAddress) {
    if (connectAddress.startsWith("[") && connectAddress.contains("]:")) {
      int close = connectAddress.indexOf("]:");
      return "ssh-keyscan -p " + connectAddress.substring(close + 2) + " " + connectAddress.substring(1, close);
    }
    return "ssh-keyscan " + connectAddress;
  }

  /** The passphrase of the keys, when given; a key that cannot be read is remembered. */
  private final class Passphrase implements KeyPasswordProvider {

    @Override
    public char[] getPassphrase(URIish keyFile, int attempt) {
      if (passphrase == null) {
        // JGit then skips the key without a word: say why.
        keyProblems.add("the SSH key " + named(keyFile) + " has a passphrase; set " + PASSPHRASE_VARIABLE);
        return null;
      }
      return passphrase.toCharArray();
    }

    @Override
    public void setAttempts(int maxNumberOfAttempts) {
      // One attempt: there is nobody to ask again.
    }

    @Override
    public boolean keyLoaded(URIish keyFile, int attempt, Exception error) {
      if (error != null) {
        keyProblems.add("cannot read the SSH key " + named(keyFile) + ": " + error.getMessage()
            + (passphrase == null ? "" : "; is " + PASSPHRASE_VARIABLE + " its passphrase?"));
      }
      return false;
    }

    private String named(URIish keyFile) {
      String file = keyFile.getPath();
      return file + (key != null && Path.of(file).equals(key) ? " (" + KEY_VARIABLE + ")" : "");
    }
  }
}
