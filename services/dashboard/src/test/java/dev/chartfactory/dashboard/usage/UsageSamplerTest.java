package dev.chartfactory.dashboard.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.TestCluster;
import dev.chartfactory.dashboard.support.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sampling metrics.k8s.io from the mock API server (expectations) into a real Postgres. */
class UsageSamplerTest {

  private TestCluster cluster;
  private JdbcTemplate jdbc;
  private UsageSampler sampler;

  @BeforeEach
  void setUp() {
    cluster = new TestCluster();
    DataSource dataSource = TestPostgres.dataSource(TestPostgres.shared().createDatabase("usage"));
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    sampler = new UsageSampler(cluster.client(), dataSource, () -> List.of("shop"), () -> true, Clock.systemUTC(), Duration.ZERO);
  }

  @AfterEach
  void tearDown() {
    cluster.close();
  }

  private List<String> rows() {
    return jdbc.queryForList("SELECT pod_name || ' ' || cpu_millicores || ' ' || memory_bytes FROM pod_usage ORDER BY pod_name", String.class);
  }

  @Test
  void sampleOnce_storesOneCompactRowPerPod() {
    cluster.expectPodMetrics("shop", 200, TestCluster.podMetrics("web-1", "250m", "128Mi", "web-2", "1500000n", "64Ki"));

    UsageSampler.Status status = sampler.sampleOnce();

    assertThat(status.available()).isTrue();
    assertThat(status.podsSampled()).isEqualTo(2);
    assertThat(rows()).containsExactly("web-1 250 134217728", "web-2 2 65536");
  }

  @Test
  void sampleOnce_withGarbageEntries_skipsThemAndKeepsTheRest() {
    cluster.expectPodMetrics("shop", 200, TestCluster.podMetrics("web-1", "-5", "1Mi", "web-2", "100m", "1Mi", "web-3", "100m", "lots")
        .replace("]}]}", "]},{\"metadata\":{\"name\":\"web-4\"},\"containers\":[]}]}"));

    UsageSampler.Status status = sampler.sampleOnce();

    assertThat(status.available()).isTrue();
    assertThat(status.skippedEntries()).isEqualTo(3);
    assertThat(status.message()).isEqualTo("3 metrics entries could not be read and were skipped");
    assertThat(rows()).containsExactly("web-2 100 1048576");
  }

  @Test
  void sampleOnce_whenTheMetricsApiAnswersSomethingThatIsNotJson_saysSoAndStoresNothing() {
    cluster.expectPodMetrics("shop", 200, "<html>gateway says hello</html>");

    UsageSampler.Status status = sampler.sampleOnce();

    assertThat(status.available()).isFalse();
    assertThat(status.message()).startsWith("metrics API answered something unreadable");
    assertThat(rows()).isEmpty();
  }

  @Test
  void sampleOnce_withoutAMetricsApi_saysSo() {
    cluster.expectPodMetrics("shop", 404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");

    UsageSampler.Status status = sampler.sampleOnce();

    assertThat(status.available()).isFalse();
    assertThat(status.message()).isEqualTo("metrics API (metrics.k8s.io) not available: is metrics-server installed?");
  }
}
