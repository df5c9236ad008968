package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.AppTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker without the token gets. Requests go over a raw socket so that the path reaches
 * the server exactly as written ({@code curl --path-as-is}): no client normalises it first.
 */
class ApiAuthenticationTest extends AppTestBase {

  @ParameterizedTest
  @ValueSource(strings = {
    "/api/stats", "/api;/stats", "/api;x=1/pods", "/%61pi/pods", "/%61pi/stats", "//api/pods", "/api/./pods",
    "/api/../api/pods", "/api/%2e/pods", "/API/pods", "/api/pods/", "/api;/pods/history",
    "/api/pods%3B", "/./api/stats", "/api//pods", "/actuator/prometheus", "/actuator/metrics", "/actuator/info",
    "/actuator", "/actuator;/prometheus", "/%61ctuator/prometheus",
    "/api/pods/platform/logger-1/logs", "/api/pods/platform/logger-1/logs/stream", "/%61pi/pods/platform/logger-1/logs",
    "/api/workloads/platform/deployment/shop-api/history"
  })
  void anonymousGet_ofAnyApiSpelling_isRefusedWithoutData(String path) {
    RawResponse response = raw("GET", path, null);
    assertThat(response.status()).as("GET %s", path).isIn(401, 404);
    assertNoData(path, response);
  }

  @Test
  void anonymousGet_withAnEncodedSlash_isRefusedByTheServerItself() {
    // Tomcat answers 400 before any filter runs (encodedSolidusHandling=reject)
    RawResponse response = raw("GET", "/api%2Fpods", null);
    assertThat(response.status()).isEqualTo(400);
    assertNoData("/api%2Fpods", response);
  }

  @Test
  void anonymousTrace_isNotAllowedAtAll() {
    RawResponse response = raw("TRACE", "/api/pods", null);
    assertThat(response.status()).isEqualTo(405);
    assertNoData("/api/pods", response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"})
  void anonymousRequest_withOtherMethods_isRefusedWithoutData(String method) {
    for (String path : List.of("/api/pods", "/api;/stats", "/%61pi/pods", "/api/pods/history")) {
      RawResponse response = raw(method, path, null);
      assertThat(response.status()).as("%s %s", method, path).isIn(401, 404);
      assertNoData(path, response);
    }
  }

  @Test
  void wrongOrMalformedToken_isRefused() {
    for (String header : List.of("Bearer wrong", "Bearer " + TOKEN + "x", "Bearer", "Basic " + TOKEN, "bearer  " + TOKEN + " x", TOKEN)) {
      RawResponse response = raw("GET", "/api/stats", header);
      assertThat(response.status()).as(header).isEqualTo(401);
      assertThat(response.header("www-authenticate")).startsWith("Bearer");
    }
  }

  @Test
  void rightToken_reachesTheApiAndTheMetrics() {
    assertThat(raw("GET", "/api/stats", "Bearer " + TOKEN).status()).isEqualTo(200);
    assertThat(raw("GET", "/actuator/prometheus", "Bearer " + TOKEN).body()).contains("dashboard_buffer_overflow_total");
  }

  @Test
  void probesAndThePage_stayOpen_andReadyTellsAnonymousCallersNoInternals() {
    assertThat(raw("GET", "/health", null).status()).isEqualTo(200);
    assertThat(raw("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(raw("GET", "/", null).status()).isEqualTo(200);
    assertThat(raw("GET", "/app.js", null).status()).isEqualTo(200);
    assertThat(raw("GET", "/openapi.yaml", null).status()).isEqualTo(200);
    RawResponse ready = raw("GET", "/ready", null);
    assertThat(ready.status()).isIn(200, 503);
    assertThat(ready.body()).contains("\"status\"").doesNotContain("lastWriteError", "bufferedChanges", "droppedChanges");
    assertThat(raw("GET", "/ready", "Bearer " + TOKEN).body()).contains("bufferedChanges");
  }

  @Test
  void thePage_isSentWithSecurityHeaders() {
    RawResponse page = raw("GET", "/", null);
    assertThat(page.header("content-security-policy")).contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'");
    assertThat(page.header("x-frame-options")).isEqualTo("DENY");
    assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
    assertThat(raw("GET", "/api/stats", "Bearer " + TOKEN).header("x-content-type-options")).isEqualTo("nosniff");
  }

  private static void assertNoData(String path, RawResponse response) {
    assertThat(response.body()).as("body of %s", path)
        .doesNotContain("totalPods", "runningPods", "podId", "\"content\"", "jvm_", "dashboard_", "\"names\"", "\"git\"");
  }

  record RawResponse(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return "";
    }
  }

  private RawResponse raw(String method, String path, String authorization) {
    int port = Integer.parseInt(environment.getProperty("local.server.port"));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder()
          .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\n")
          .append("Connection: close\r\n");
      if (authorization != null) {
        request.append("Authorization: ").append(authorization).append("\r\n");
      }
      if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") && !method.equals("TRACE")) {
        request.append("Content-Length: 0\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      int status = Integer.parseInt(head.substring(9, 12));
      return new RawResponse(status, head, body);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
    }
  }
}
