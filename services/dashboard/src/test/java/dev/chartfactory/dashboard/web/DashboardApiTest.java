package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.AppTestBase;
import dev.chartfactory.dashboard.support.Eventually;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class DashboardApiTest extends AppTestBase {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired JdbcTemplate jdbc;

  private static List<String> podNames(JsonNode pods) {
    List<String> names = new ArrayList<>();
    pods.forEach(p -> names.add(p.get("name").asString()));
    return names;
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void pods_whenCreatedUpdatedAndDeleted_appearInTheApiAndTheTables() {
    // When: a pod is created
    cluster().createPod("platform", "orders-1", "Pending", "node-1");

    // Then
    Eventually.within(WAIT, () -> {
      JsonNode pod = find(json("/api/pods"), "orders-1");
      assertThat(pod.get("status").asString()).isEqualTo("Pending");
      assertThat(pod.get("node").asString()).isEqualTo("node-1");
      assertThat(pod.get("podId").asString()).isNotBlank();
      assertThat(pod.get("age").asString()).matches("\\d+s|\\d+m \\d+s");
    });
    String uid = find(json("/api/pods"), "orders-1").get("podId").asString();
    Eventually.within(WAIT, () -> assertThat(podStatus(uid)).isEqualTo("Pending"));

    // When: it starts running
    cluster().setPhase("platform", "orders-1", "Running");

    // Then
    Eventually.within(WAIT, () -> assertThat(find(json("/api/pods"), "orders-1").get("status").asString()).isEqualTo("Running"));
    Eventually.within(WAIT, () -> assertThat(podStatus(uid)).isEqualTo("Running"));
    JsonNode stats = json("/api/stats?namespace=platform");
    assertThat(stats.get("namespace").asString()).isEqualTo("platform");
    assertThat(stats.get("runningPods").asInt()).isGreaterThanOrEqualTo(1);

    // When: it is deleted
    cluster().deletePod("platform", "orders-1");

    // Then
    Eventually.within(WAIT, () -> assertThat(podNames(json("/api/pods"))).doesNotContain("orders-1"));
    Eventually.within(WAIT, () -> assertThat(podStatus(uid)).isEqualTo("Deleted"));
    assertThat(jdbc.queryForList("SELECT status FROM status_history WHERE uid = ? ORDER BY id", String.class, uid))
        .containsExactly("Pending", "Running", "Deleted");
    JsonNode history = json("/api/pods/history?pod=orders-1");
    assertThat(history.get("total").asLong()).isEqualTo(3);
    assertThat(history.get("items").get(0).get("status").asString()).isEqualTo("Deleted");
  }

  private String podStatus(String uid) {
    List<String> rows = jdbc.queryForList("SELECT status FROM pod_metrics WHERE pod_id = ?", String.class, uid);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static JsonNode find(JsonNode items, String name) {
    for (JsonNode item : items) {
      if (name.equals(item.get("name").asString())) {
        return item;
      }
    }
    throw new AssertionError(name + " not in " + items);
  }

  @Test
  void deployments_showReplicasAgeAndWhatTheGeneratorStampedOnThem() {
    cluster().createDeployment("platform", "shop-web", 3, 2, Map.of(
        "helm.sh/chart", "shop-web-0.1.0",
        "app.kubernetes.io/version", "1.4.2",
        "chartfactory.dev/source-commit", "3a1de0a"));

    Eventually.within(WAIT, () -> {
      JsonNode d = find(json("/api/deployments"), "shop-web");
      assertThat(d.get("replicas").asInt()).isEqualTo(3);
      assertThat(d.get("ready").asInt()).isEqualTo(2);
      assertThat(d.get("available").asInt()).isEqualTo(2);
      assertThat(d.get("chart").asString()).isEqualTo("shop-web-0.1.0");
      assertThat(d.get("chartVersion").asString()).isEqualTo("0.1.0");
      assertThat(d.get("appVersion").asString()).isEqualTo("1.4.2");
      assertThat(d.get("sourceCommit").asString()).isEqualTo("3a1de0a");
      assertThat(d.get("age").asString()).isNotBlank();
    });
    Eventually.within(WAIT, () -> assertThat(jdbc.queryForList(
        "SELECT status FROM status_history WHERE kind = 'Deployment' AND name = 'shop-web'", String.class))
        .containsExactly("Progressing"));
    assertThat(json("/api/stats").get("totalDeployments").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void history_filtersByNameStatusAndTimeAndPages() {
    Instant start = Instant.now().minusSeconds(1);
    for (int i = 0; i < 3; i++) {
      cluster().createPod("platform", "hist-" + i, "Pending", "node-2");
      cluster().setPhase("platform", "hist-" + i, "Running");
    }
    Eventually.within(WAIT, () -> assertThat(json("/api/pods/history?pod=hist-&size=500").get("total").asLong()).isEqualTo(6));

    assertThat(json("/api/pods/history?pod=HIST-1").get("total").asLong()).isEqualTo(2);
    assertThat(json("/api/pods/history?pod=hist-&status=Running").get("total").asLong()).isEqualTo(3);
    JsonNode page = json("/api/pods/history?pod=hist-&page=1&size=4");
    assertThat(page.get("items").size()).isEqualTo(2);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(json("/api/pods/history?pod=hist-&from=" + q(start.toString())).get("total").asLong()).isEqualTo(6);
    assertThat(json("/api/pods/history?pod=hist-&to=" + q(start.toString())).get("total").asLong()).isZero();

    JsonNode counts = json("/api/pods/history/counts?hours=1&points=5");
    assertThat(counts.size()).isEqualTo(5);
    assertThat(counts.get(4).get("counts").get("Running").asLong()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void filters_whenGivenSqlInjectionAttempts_matchLiterallyAndChangeNothing() {
    List<String> attempts = List.of(
        "x' OR '1'='1",
        "'; DROP TABLE pod_metrics; --",
        "%",
        "_",
        "\\",
        "hist' UNION SELECT version(), null, null, null, now() --");
    for (String attempt : attempts) {
      JsonNode byName = json("/api/pods/history?pod=" + q(attempt));
      assertThat(byName.get("total").asLong()).as(attempt).isZero();
      JsonNode byStatus = json("/api/pods/history?status=" + q(attempt));
      assertThat(byStatus.get("total").asLong()).as(attempt).isZero();
      assertThat(json("/api/pods?q=" + q(attempt))).as(attempt).isEmpty();
      assertThat(get("/api/pods?namespace=" + q(attempt)).statusCode()).as(attempt).isEqualTo(404);
    }
    assertThat(get("/api/pods/history?from=" + q("2020-01-01' OR 1=1 --")).statusCode()).isEqualTo(400);
    assertThat(get("/api/pods/history?size=" + q("10; DELETE FROM status_history")).statusCode()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('pod_metrics', 'status_history')", Long.class)).isEqualTo(2);
  }

  @Test
  void api_whenNoOrAWrongTokenIsSent_answers401() {
    assertThat(getAnonymous("/api/pods").statusCode()).isEqualTo(401);
    assertThat(getAnonymous("/api/pods").headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/stats"))
        .header("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
    assertThat(get("/api/stats").statusCode()).isEqualTo(200);
    // probes, the page and its documents stay open
    assertThat(getAnonymous("/health").statusCode()).isEqualTo(200);
    assertThat(getAnonymous("/").statusCode()).isEqualTo(200);
  }

  @Test
  void ready_whenDatabaseAndInformersAreUp_answers200() {
    Eventually.within(WAIT, () -> assertThat(getAnonymous("/ready").statusCode()).isEqualTo(200));
    JsonNode ready = JSON.readTree(getAnonymous("/ready").body());
    assertThat(ready.get("database").asString()).isEqualTo("UP");
    assertThat(ready.get("informers").asString()).isEqualTo("SYNCED");
  }

  @Test
  void openApiAndMetrics_areServed() {
    String openApi = getAnonymous("/openapi.yaml").body();
    for (String path : List.of("/health:", "/ready:", "/api/stats:", "/api/deployments:", "/api/pods:", "/api/pods/history:", "/api/pods/history/counts:", "/api/namespaces:")) {
      assertThat(openApi).contains(path);
    }
    assertThat(getAnonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
    String metrics = get("/actuator/prometheus").body();
    assertThat(metrics).contains("dashboard_buffer_overflow_total", "dashboard_changes_written_total", "dashboard_database_up");
  }

  @Test
  void badParameters_answer400WithAMessage() {
    var response = get("/api/pods/history?size=100000");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("size: 100000 is out of range (1-500)");
    assertThat(get("/api/pods/history?from=yesterday").body()).contains("from: 'yesterday' is not an ISO-8601 time");
    assertThat(get("/api/stats?namespace=elsewhere").body()).contains("'elsewhere' is not watched; watched: platform, team-a");
  }
}
