package dev.chartfactory.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A Git smart-HTTP server on 127.0.0.1 for one bare repository, made of the JDK's HttpServer and
 * JGit's own UploadPack/ReceivePack: clone, fetch and push over plain http://, behind Basic
 * authentication. It records every Authorization header it was sent, so that tests can tell
 * whether a credential went over the wire.
 */
final class HttpGitServer implements AutoCloseable {

  private final HttpServer server;
  private final Repository repository;
  private final String user;
  private final String password;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  /** Serves {@code bare} at {@code /config.git}, to {@code user} with {@code password} only. */
  HttpGitServer(Path bare, String user, String password) throws IOException {
    this.repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    this.user = user;
    this.password = password;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/config.git/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT/config.git}, with no credentials in it. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/config.git";
  }

  /** {@code http://USER:PASSWORD@127.0.0.1:PORT/config.git}. */
  String urlWith(String userInfo) {
    return "http://" + userInfo + "@127.0.0.1:" + server.getAddress().getPort() + "/config.git";
  }

  /** Every Authorization header received, decoded ("user:password"), in order. */
  List<String> credentialsSeen() {
    return authorizations.stream().map(header -> header.startsWith("Basic ")
        ? new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8) : header).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      if (header != null) {
        authorizations.add(header);
      }
      String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(header)) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"config\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getQuery();
      if (path.endsWith("/info/refs") && query != null && query.contains("service=git-upload-pack")) {
        advertise(exchange, "git-upload-pack");
      } else if (path.endsWith("/info/refs") && query != null && query.contains("service=git-receive-pack")) {
        advertise(exchange, "git-receive-pack");
      } else if (path.endsWith("/git-upload-pack") && exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        UploadPack upload = new UploadPack(repository);
        upload.setBiDirectionalPipe(false);
        try (InputStream in = body(exchange); OutputStream out = exchange.getResponseBody()) {
          upload.upload(in, out, null);
        }
      } else if (path.endsWith("/git-receive-pack") && exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().add("Content-Type", "application/x-git-receive-pack-result");
        exchange.sendResponseHeaders(200, 0);
        ReceivePack receive = new ReceivePack(repository);
        receive.setBiDirectionalPipe(false);
        try (InputStream in = body(exchange); OutputStream out = exchange.getResponseBody()) {
          receive.receive(in, out, null);
        }
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private void advertise(HttpExchange exchange, String service) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
    exchange.getResponseHeaders().add("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      PacketLineOut packets = new PacketLineOut(out);
      packets.writeString("# service=" + service + "\n");
      packets.end();
      RefAdvertiser.PacketLineOutRefAdvertiser advertiser = new RefAdvertiser.PacketLineOutRefAdvertiser(packets);
      if (service.equals("git-upload-pack")) {
        UploadPack upload = new UploadPack(repository);
        upload.setBiDirectionalPipe(false);
        upload.sendAdvertisedRefs(advertiser);
      } else {
        ReceivePack receive = new ReceivePack(repository);
        receive.setBiDirectionalPipe(false);
        receive.sendAdvertisedRefs(advertiser);
      }
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    return "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding")) ? new GZIPInputStream(in) : in;
  }

  @Override
  public void close() {
    server.stop(0);
    repository.close();
  }
}
