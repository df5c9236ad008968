package dev.chartfactory.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An https:// remote that redirects to http:// never gets the credentials sent over plain HTTP:
 * a real TLS server on 127.0.0.1 (a key made by the JDK's keytool) answers the first request
 * with a redirect to a plain-HTTP listener, which records what reaches it.
 */
class HttpsRedirectTest {

  private static final String TOKEN = "s3cr3t-t0ken-4711";

  @TempDir Path temp;
  private HttpsServer https;
  private HttpServer plain;
  private final List<String> plainRequests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (https != null) {
      https.stop(0);
    }
    if (plain != null) {
      plain.stop(0);
    }
  }

  @Test
  void aRedirectFromHttpsToHttp_isNotFollowed_andNoCredentialsReachTheHttpServer() throws Exception {
    plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plain.createContext("/", exchange -> {
      plainRequests.add(exchange.getRequestURI() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
    });
    plain.start();
    String target = "http://127.0.0.1:" + plain.getAddress().getPort() + "/x.git";
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
    https.createContext("/", exchange -> {
      String rest = exchange.getRequestURI().toString().replaceFirst("^/x\\.git", "");
      exchange.getResponseHeaders().add("Location", target + rest);
      exchange.sendResponseHeaders(301, -1);
      exchange.close();
    });
    https.start();
    String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/x.git";

    Throwable failure;
    try (Git local = Git.init().setDirectory(temp.resolve("local").toFile()).call()) {
      StoredConfig config = local.getRepository().getConfig();
      config.setBoolean("http", null, "sslVerify", false); // the test's own self-signed certificate
      config.save();
      GitAuth auth = GitAuth.fromEnvironment().withUrlCredentials("alice", TOKEN);
      failure = catchThrowable(() -> auth.apply(local.lsRemote().setRemote(url)).call());
    }

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("Redirection blocked").doesNotContain(TOKEN);
    assertThat(plainRequests).isEmpty();

    // The listener does see what reaches it: a redirect within http:// (no credentials) is followed.
    plain.createContext("/start.git", exchange -> {
      exchange.getResponseHeaders().add("Location",
          target + exchange.getRequestURI().toString().replaceFirst("^/start\\.git", ""));
      exchange.sendResponseHeaders(301, -1);
      exchange.close();
    });
    catchThrowable(() -> Git.lsRemoteRepository().setRemote(target.replace("/x.git", "/start.git")).call());
    assertThat(plainRequests).anyMatch(request -> request.startsWith("/x.git/info/refs"));
  }

  /** An SSL context with a fresh self-signed key for 127.0.0.1, made by keytool. */
  private SSLContext selfSigned() throws Exception {
    Path store = temp.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
    String out;
    try (InputStream in = process.getInputStream()) {
      out = new String(in.readAllBytes());
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }
}
