package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chartfactory.dashboard.support.AppTestBase;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's headless Chromium: it loads, asks for the token, shows what the API
 * returns, filters, and leaves a screenshot in {@code target/screenshots/dashboard.png}.
 */
class DashboardPageTest extends AppTestBase {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private WebDriver driver;

  @BeforeEach
  void startBrowser(@TempDir Path profile) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "Chromium not found at /usr/bin/chromium and /usr/bin/chromedriver;"
          + " install them with: apt-get install -y chromium chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (CI=true, so this fails instead of skipping)");
      }
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1400,1600", "--user-data-dir=" + profile.toAbsolutePath());
    // An explicit driver executable: Selenium Manager never runs, nothing is downloaded.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
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

    // Then: the chart has a line per status from the history
    wait.until(d -> !d.findElements(By.cssSelector("#chart polyline[data-status='Running']")).isEmpty());
    new Select(driver.findElement(By.id("pod-status"))).selectByValue("");
    driver.findElement(By.id("deployment-filter")).clear();
    driver.findElement(By.id("deployment-filter")).sendKeys(" ");

    File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
    Path target = Paths.get("target", "screenshots", "dashboard.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }

  private List<String> rows(String table) {
    return driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .map(row -> row.getDomAttribute("data-name"))
        .toList();
  }
}
