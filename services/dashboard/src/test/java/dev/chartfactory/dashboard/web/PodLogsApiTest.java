package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.AppTestBase;
import dev.chartfactory.dashboard.support.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Pod logs through the API, against the mock API server's log endpoint (expectations). */
class PodLogsApiTest extends AppTestBase {

  @BeforeAll
  static void aPodWithALog() {
    cluster().createPod("platform", "logger-1", "Running", "node-1");
    cluster().expectLog("platform", "logger-1", "&tailLines=2&limitBytes=1048576", "second to last\nlast\n");
    cluster().expectLog("platform", "logger-1", "&container=sidecar&tailLines=200&limitBytes=1048576", "from the sidecar\n");
    cluster().expectLog("platform", "logger-1", "&tailLines=50&follow=true", "a\nb\n");
    cluster().expectLog("platform", "logger-1", "&tailLines=5&follow=true", "1\n2\n3\n4\n5\n6\n");
  }

  private void podKnown() {
    Eventually.within(Duration.ofSeconds(20), () -> assertThat(json("/api/pods?q=logger-1")).hasSize(1));
  }

  @Test
  void tail_returnsTheLastLines() {
    podKnown();
    JsonNode logs = json("/api/pods/platform/logger-1/logs?tailLines=2");
    assertThat(lines(logs.get("lines"))).containsExactly("second to last", "last");
    assertThat(lines(json("/api/pods/platform/logger-1/logs?container=sidecar").get("lines"))).containsExactly("from the sidecar");
  }

  @Test
  void follow_streamsLinesAsServerSentEvents_andSaysWhyItEnded() {
    podKnown();
    HttpResponse<String> response = get("/api/pods/platform/logger-1/logs/stream");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    assertThat(response.body()).contains("event:line\ndata:a\n\n", "event:line\ndata:b\n\n", "event:end\ndata:log ended\n\n");
  }

  @Test
  void follow_stopsAtTheLineLimit() {
    podKnown();
    // AppTestBase sets dashboard.logs.max-follow-lines=4
    String body = get("/api/pods/platform/logger-1/logs/stream?tailLines=5").body();
    assertThat(body).contains("data:4\n").doesNotContain("data:5\n").contains("event:end\ndata:line limit reached");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "/api/pods/platform/logger-1/logs?tailLines=1000000000 | 400 | tailLines: 1000000000 is out of range (1-5000)",
    "/api/pods/platform/logger-1/logs?tailLines=0         | 400 | tailLines: 0 is out of range",
    "/api/pods/platform/logger-1/logs/stream?tailLines=1000000000 | 400 | tailLines: 1000000000 is out of range",
    "/api/pods/platform/Logger_1/logs                     | 400 | name: 'Logger_1' is not a pod name",
    "/api/pods/platform/..%2F..%2Fsecrets/logs            | 400 | ",
    "/api/pods/platform/logger-1%2F..%2F..%2Fsecrets/logs | 400 | ",
    "/api/pods/platform/..%252Fsecrets/logs               | 404 | ",
    "/api/pods/platform/logger-1;x/logs                   | 404 | ",
    "/api/pods/platform/logger-1/logs?container=..%2Fetc  | 400 | container: '../etc' is not a container name",
    "/api/pods/platform/no-such-pod/logs                  | 404 | pod: 'no-such-pod' not found in namespace platform",
    "/api/pods/kube-system/logger-1/logs                  | 404 | namespace: 'kube-system' is not watched",
  })
  void badInput_isRefusedBeforeAnyRequestToKubernetes(String path, int status, String message) {
    podKnown();
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    if (message != null) {
      assertThat(response.body()).contains(message);
    }
    assertThat(response.body()).doesNotContain("last", "from the sidecar");
  }

  private static List<String> lines(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(n -> result.add(n.asString()));
    return result;
  }
}
