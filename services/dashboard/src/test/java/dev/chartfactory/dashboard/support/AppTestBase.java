package dev.chartfactory.dashboard.support;

import dev.chartfactory.dashboard.DashboardApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app on a random port on 127.0.0.1, against the shared mock API server and a database
 * of its own on the shared Postgres. Subclasses share one Spring context (same configuration).
 */
@SpringBootTest(
    classes = DashboardApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "spring.datasource.username=postgres",
      "spring.datasource.password=",
      "dashboard.namespaces=platform,team-a",
      "dashboard.auth.enabled=true",
      "dashboard.auth.token=" + AppTestBase.TOKEN,
      "dashboard.leader-election.enabled=false",
      "dashboard.buffer.retry-delay=50ms",
      "dashboard.logs.max-follow-lines=4"
    })
public abstract class AppTestBase {

  public static final String TOKEN = "test-token-123";
  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static String databaseUrl;

  @Autowired protected Environment environment;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", AppTestBase::databaseUrl);
    registry.add("dashboard.kubernetes.master-url", () -> TestCluster.shared().url());
  }

  private static synchronized String databaseUrl() {
    if (databaseUrl == null) {
      databaseUrl = TestPostgres.shared().createDatabase("app");
    }
    return databaseUrl;
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port");
  }

  protected static TestCluster cluster() {
    return TestCluster.shared();
  }

  /** GET with the bearer token. */
  protected HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + TOKEN));
  }

  /** GET without any token. */
  protected HttpResponse<String> getAnonymous(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)));
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET with the token, expecting 200, parsed. */
  protected JsonNode json(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " -> " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
