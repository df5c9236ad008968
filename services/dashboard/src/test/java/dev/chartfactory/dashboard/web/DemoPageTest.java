package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.DashboardApplication;
import dev.chartfactory.dashboard.local.DemoCluster;
import dev.chartfactory.dashboard.support.Browser;
import dev.chartfactory.dashboard.support.TestCluster;
import dev.chartfactory.dashboard.support.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code make run-dashboard DEMO=true}: the seeded mock server, and the page labelled "demo data". */
@SpringBootTest(
    classes = DashboardApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "spring.datasource.username=postgres",
      "spring.datasource.password=",
      "dashboard.namespaces=demo",
      "dashboard.auth.enabled=false",
      "dashboard.leader-election.enabled=false",
      "dashboard.demo=true"
    })
class DemoPageTest {

  private static TestCluster demo;

  @Autowired Environment environment;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestPostgres.shared().createDatabase("demo"));
    registry.add("dashboard.kubernetes.master-url", () -> {
      demo = DemoCluster.start("demo");
      return demo.url();
    });
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void page_onDemoData_isLabelledAndShowsTheSeededObjects(@TempDir Path profile) {
    ChromeDriver driver = Browser.start(profile);
    try {
      driver.get("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/");
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.until(d -> "6".equals(d.findElement(By.id("stat-pods")).getText()));

      assertThat(driver.findElement(By.id("demo")).isDisplayed()).isTrue();
      assertThat(driver.findElement(By.id("demo")).getText()).isEqualTo("demo data");
      assertThat(driver.findElements(By.cssSelector("#deployments tbody tr[data-name]"))).hasSize(3);
      assertThat(driver.findElement(By.id("banner")).isDisplayed()).isFalse();
      assertThat(Browser.consoleErrors(driver)).isEmpty();
    } finally {
      driver.quit();
    }
  }
}
