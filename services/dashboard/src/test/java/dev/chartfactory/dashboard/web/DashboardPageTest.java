package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.AppTestBase;
import dev.chartfactory.dashboard.support.Browser;
import dev.chartfactory.dashboard.support.Eventually;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's headless Chromium: it loads, asks for the token, shows what the API
 * returns, filters, and leaves a screenshot in {@code target/screenshots/dashboard.png}.
 */
class DashboardPageTest extends AppTestBase {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private ChromeDriver driver;

  @BeforeEach
  void startBrowser(@TempDir Path profile) {
    driver = Browser.start(profile);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void page_showsApiDataFiltersAndChart() throws Exception {
    // Given: a namespace with two deployments and a few pods
    cluster().createDeployment("team-a", "catalog", 2, 2, Map.of(
        "helm.sh/chart", "catalog-0.3.1", "app.kubernetes.io/version", "2.0.0",
        "chartfactory.dev/source-commit", "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"));
    cluster().createDeployment("team-a", "search", 1, 0, Map.of("helm.sh/chart", "search-1.0.0"));
    cluster().createPod("team-a", "catalog-7d9f-abcde", "Running", "node-1");
    cluster().createPod("team-a", "catalog-7d9f-fghij", "Running", "node-2");
    cluster().createPod("team-a", "search-55c4-klmno", "Pending", null);
    Eventually.within(WAIT, () -> assertThat(json("/api/stats?namespace=team-a").get("totalPods").asInt()).isEqualTo(3));

    // When: the page is opened, asks for the token, and team-a is selected
    driver.get(baseUrl() + "/");
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(d -> d.findElement(By.id("token-form")).isDisplayed());
    driver.findElement(By.id("token")).sendKeys(TOKEN);
    driver.findElement(By.cssSelector("#token-form button")).click();
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    new Select(driver.findElement(By.id("namespace"))).selectByValue("team-a");

    // Then: tiles and tables show the API's data
    wait.until(d -> "3".equals(d.findElement(By.id("stat-pods")).getText()));
    assertThat(driver.findElement(By.id("stat-deployments")).getText()).isEqualTo("2");
    assertThat(driver.findElement(By.id("stat-running")).getText()).isEqualTo("2");
    assertThat(driver.findElement(By.id("stat-pending")).getText()).isEqualTo("1");
    WebElement catalog = driver.findElement(By.cssSelector("#deployments tr[data-name='catalog']"));
    assertThat(catalog.getText()).contains("0.3.1", "2.0.0", "9f8e7d6c5b4a");
    assertThat(rows("pods")).containsExactly("catalog-7d9f-abcde", "catalog-7d9f-fghij", "search-55c4-klmno");

    // When: filtering by text and by status
    driver.findElement(By.id("pod-filter")).sendKeys("fghij");
    assertThat(rows("pods")).containsExactly("catalog-7d9f-fghij");
    driver.findElement(By.id("pod-filter")).clear();
    driver.findElement(By.id("pod-filter")).sendKeys(" ");
    new Select(driver.findElement(By.id("pod-status"))).selectByValue("Pending");
    assertThat(rows("pods")).containsExactly("search-55c4-klmno");
    driver.findElement(By.id("deployment-filter")).sendKeys("sea");
    assertThat(rows("deployments")).containsExactly("search");

    // Then: the chart has a line per status from the history, and a time axis
    wait.until(d -> !d.findElements(By.cssSelector("#chart polyline[data-status='Running']")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#chart text.time-tick")))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(tick -> assertThat(tick.getText()).matches("\\d{1,2}:\\d{2}( [AP]M)?"));
    assertThat(driver.findElement(By.id("banner")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("demo")).isDisplayed()).isFalse();

    // When: a filter matches nothing, then: the table says so
    driver.findElement(By.id("pod-filter")).sendKeys("no-such-pod");
    assertThat(driver.findElement(By.cssSelector("#pods tr.empty")).getText()).isEqualTo("No pods match the filter.");
    driver.findElement(By.id("pod-filter")).clear();
    driver.findElement(By.id("pod-filter")).sendKeys(" ");
    new Select(driver.findElement(By.id("pod-status"))).selectByValue("");
    driver.findElement(By.id("deployment-filter")).clear();
    driver.findElement(By.id("deployment-filter")).sendKeys(" ");

    File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
    Path target = Paths.get("target", "screenshots", "dashboard.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isGreaterThan(10_000);
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  @Test
  void deploymentRow_opensItsPods_andTheirLogs_tailedAndFollowed() {
    // Given: a deployment with one pod, and what its log endpoint answers
    var tailer = cluster().createDeployment("team-a", "tailer", 1, 1, Map.of("helm.sh/chart", "tailer-0.1.0"));
    cluster().client().apps().replicaSets().inNamespace("team-a").resource(new io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder()
        .withNewMetadata().withName("tailer-6b7c").addToAnnotations("deployment.kubernetes.io/revision", "1")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("tailer")
        .withUid(tailer.getMetadata().getUid()).endOwnerReference().endMetadata()
        .withNewSpec().withNewTemplate().withNewMetadata().addToLabels("helm.sh/chart", "tailer-0.1.0")
        .addToLabels("chartfactory.dev/source-commit", "abcdef0123456789abcdef0123456789abcdef01").endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("tailer:1").endContainer().endSpec()
        .endTemplate().endSpec().build()).create();
    cluster().createPod("team-a", "tailer-6b7c-qwert", "Running", "node-1");
    cluster().expectLog("team-a", "tailer-6b7c-qwert", "&tailLines=200&limitBytes=1048576", "booted\nlistening on :8080\n");
    cluster().expectLog("team-a", "tailer-6b7c-qwert", "&tailLines=50&follow=true", "GET /health 200\nGET /ready 200\n");
    Eventually.within(WAIT, () -> assertThat(json("/api/pods?namespace=team-a&q=tailer").size()).isEqualTo(1));
    WebDriverWait wait = openWithToken("team-a");

    // When: the deployment's name is clicked
    wait.until(d -> !d.findElements(By.cssSelector("button[data-deployment='tailer']")).isEmpty());
    driver.findElement(By.cssSelector("button[data-deployment='tailer']")).click();

    // Then: its pods are listed with log buttons
    wait.until(d -> d.findElement(By.id("details")).isDisplayed());
    assertThat(driver.findElement(By.id("details-title")).getText()).isEqualTo("Deployment tailer");
    wait.until(d -> !d.findElements(By.cssSelector("#revisions tr[data-name='1']")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#revisions tr[data-name='1']")).getText())
        .contains("1 (current)", "tailer:1", "tailer-0.1.0", "abcdef012345");
    assertThat(driver.findElement(By.cssSelector("#events tr.empty")).getText()).startsWith("No events");
    driver.findElement(By.cssSelector("#details-pods button[data-mode='tail']")).click();
    wait.until(d -> d.findElement(By.id("log-output")).getText().contains("listening on :8080"));
    assertThat(driver.findElement(By.id("log-output")).getText()).isEqualTo("booted\nlistening on :8080");

    // When: following, the streamed lines appear and the end is explained
    driver.findElement(By.cssSelector("#details-pods button[data-mode='follow']")).click();
    wait.until(d -> d.findElement(By.id("log-end")).getText().startsWith("Stream closed"));
    assertThat(driver.findElement(By.id("log-output")).getText()).isEqualTo("GET /health 200\nGET /ready 200");
    assertThat(driver.findElement(By.id("log-end")).getText()).isEqualTo("Stream closed: log ended.");
    assertThat(Browser.consoleErrors(driver)).isEmpty();
  }

  private WebDriverWait openWithToken(String namespace) {
    driver.get(baseUrl() + "/");
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.until(d -> d.findElement(By.id("token-form")).isDisplayed());
    driver.findElement(By.id("token")).sendKeys(TOKEN);
    driver.findElement(By.cssSelector("#token-form button")).click();
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    new Select(driver.findElement(By.id("namespace"))).selectByValue(namespace);
    return wait;
  }

  private List<String> rows(String table) {
    return driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .map(row -> row.getDomAttribute("data-name"))
        .filter(java.util.Objects::nonNull)
        .toList();
  }
}
