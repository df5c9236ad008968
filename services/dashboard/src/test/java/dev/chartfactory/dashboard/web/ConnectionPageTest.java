package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.DashboardApplication;
import dev.chartfactory.dashboard.support.Browser;
import dev.chartfactory.dashboard.support.Eventually;
import dev.chartfactory.dashboard.support.FreePort;
import dev.chartfactory.dashboard.support.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard with no API server behind its URL (nothing listens on the port): the page says
 * so in a banner, every table says why it is empty, and the log has one line per attempt.
 */
@SpringBootTest(
    classes = DashboardApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "spring.datasource.username=postgres",
      "spring.datasource.password=",
      "dashboard.namespaces=platform",
      "dashboard.auth.enabled=false",
      "dashboard.leader-election.enabled=false"
    })
@ExtendWith(OutputCaptureExtension.class)
class ConnectionPageTest {

  private static final int DEAD_PORT = FreePort.find();
  private static final String DEAD_URL = "http://127.0.0.1:" + DEAD_PORT;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired Environment environment;
  private ChromeDriver driver;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestPostgres.shared().createDatabase("unreachable"));
    registry.add("dashboard.kubernetes.master-url", () -> DEAD_URL);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port");
  }

  @Test
  void stats_andLog_sayWhichUrlIsUnreachableAndWhy_inOneLinePerAttempt(CapturedOutput output) throws Exception {
    JsonNode k8s = JsonMapper.builder().build().readTree(
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/stats")).build(),
            HttpResponse.BodyHandlers.ofString()).body()).get("kubernetes");
    assertThat(k8s.get("connected").asBoolean()).isFalse();
    assertThat(k8s.get("apiUrl").asString()).startsWith(DEAD_URL);
    assertThat(k8s.get("since").asString()).isNotBlank();

    // The informers back off and retry; each attempt is one line with the URL and the reason ...
    Eventually.within(WAIT, () -> assertThat(output.getAll()).contains("not reachable ("));
    String log = output.getAll();
    assertThat(log).containsPattern("Kubernetes API at " + DEAD_URL
        + "/? not reachable \\((list|watch) \\w+ in platform\\): ConnectException: Connection refused; retrying \\(attempt \\d+,");
    // ... and no stack trace at INFO
    assertThat(log).doesNotContain("\tat io.fabric8", "\tat java.");
    long attemptLines = log.lines().filter(l -> l.contains("not reachable (")).count();
    assertThat(attemptLines).as("one line per attempt, not one per informer").isLessThanOrEqualTo(
        log.lines().filter(l -> l.contains("(attempt ")).map(l -> l.replaceAll(".*\\(attempt (\\d+),.*", "$1")).distinct().count());
  }

  @Test
  void page_withoutAReachableCluster_showsTheBannerAndEmptyStates(@TempDir Path profile) {
    driver = Browser.start(profile);
    driver.get(baseUrl() + "/");
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

    String banner = driver.findElement(By.id("banner")).getText();
    assertThat(banner).startsWith("Not connected to Kubernetes at " + DEAD_URL).contains(" since ");
    assertThat(driver.findElement(By.cssSelector("#deployments tr.empty")).getText())
        .isEqualTo("No deployments known: Kubernetes is not reachable (see above).");
    assertThat(driver.findElement(By.cssSelector("#pods tr.empty")).getText())
        .isEqualTo("No pods known: Kubernetes is not reachable (see above).");
    assertThat(driver.findElement(By.cssSelector("#chart-legend p.empty")).getText())
        .startsWith("No pod status changes recorded");
    assertThat(driver.findElements(By.cssSelector("#chart text.time-tick"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(driver.findElement(By.id("demo")).isDisplayed()).isFalse();
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }
}
