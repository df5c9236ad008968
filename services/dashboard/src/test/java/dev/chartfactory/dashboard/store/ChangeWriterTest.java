package dev.chartfactory.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.cluster.ClusterChange;
import dev.chartfactory.dashboard.cluster.InformerClusterSource;
import dev.chartfactory.dashboard.support.Eventually;
import dev.chartfactory.dashboard.support.TestCluster;
import dev.chartfactory.dashboard.support.TestPostgres;
import dev.chartfactory.dashboard.web.StatusController;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The collecting path with real parts: mock API server → informers → buffer → writer → Postgres. */
class ChangeWriterTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private TestCluster cluster;
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startCluster() {
    cluster = new TestCluster();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    cluster.close();
  }

  private static DataSource migrated(String url) {
    DataSource dataSource = TestPostgres.dataSource(url);
    Flyway.configure().dataSource(dataSource).load().migrate();
    return dataSource;
  }

  private InformerClusterSource source(Consumer<ClusterChange> listener) {
    var source = new InformerClusterSource(cluster.client(), List.of("platform"), "", Clock.systemUTC());
    source.start(listener);
    toClose.add(source);
    Eventually.within(WAIT, () -> assertThat(source.hasSynced()).isTrue());
    return source;
  }

  private ChangeWriter writer(DataSource dataSource, ChangeBuffer buffer, InformerClusterSource source) {
    var writer = new ChangeWriter(dataSource, buffer, source::snapshot, () -> true, 50, Duration.ofMillis(50));
    writer.start();
    toClose.add(writer);
    return writer;
  }

  private static List<String> history(JdbcTemplate jdbc) {
    return jdbc.queryForList(
        "SELECT name || ':' || status FROM status_history WHERE kind = 'Pod' ORDER BY id", String.class);
  }

  @Test
  void write_whenPodsAreCreatedUpdatedAndDeleted_recordsStateAndHistory() {
    // Given
    DataSource dataSource = migrated(TestPostgres.shared().createDatabase("writer"));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ChangeBuffer buffer = new ChangeBuffer(1000);
    var source = source(buffer::offer);
    writer(dataSource, buffer, source);

    // When
    cluster.createPod("platform", "web-1", "Pending", "node-a");
    cluster.setPhase("platform", "web-1", "Running");
    cluster.createPod("platform", "web-2", "Running", "node-b");
    cluster.deletePod("platform", "web-2");

    // Then
    Eventually.within(WAIT, () -> assertThat(history(jdbc))
        .containsExactly("web-1:Pending", "web-1:Running", "web-2:Running", "web-2:Deleted"));
    assertThat(jdbc.queryForList("SELECT pod_name || ':' || status || ':' || node_name FROM pod_metrics ORDER BY pod_name", String.class))
        .containsExactly("web-1:Running:node-a", "web-2:Deleted:node-b");
  }

  @Test
  void write_whenTheSameEventsAreReplayedOrTheServiceRestarts_addsNothing() throws Exception {
    // Given: a recorded stream of changes, written once
    DataSource dataSource = migrated(TestPostgres.shared().createDatabase("replay"));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ChangeBuffer buffer = new ChangeBuffer(1000);
    List<ClusterChange> recorded = new CopyOnWriteArrayList<>();
    var source = source(change -> {
      recorded.add(change);
      buffer.offer(change);
    });
    var writer = writer(dataSource, buffer, source);
    for (int i = 0; i < 5; i++) {
      cluster.createPod("platform", "job-" + i, "Pending", "node-a");
      cluster.setPhase("platform", "job-" + i, "Running");
      cluster.setPhase("platform", "job-" + i, "Succeeded");
    }
    cluster.deletePod("platform", "job-4");
    Eventually.within(WAIT, () -> assertThat(history(jdbc)).hasSize(16));
    Eventually.within(WAIT, () -> assertThat(writer.writtenCount()).isEqualTo(recorded.size()));
    List<String> before = history(jdbc);
    String metricsBefore = jdbc.queryForObject("SELECT string_agg(pod_id || status || resource_version, ',' ORDER BY pod_id) FROM pod_metrics", String.class);

    // When: the whole event list is replayed, then a fresh informer set lists everything again
    recorded.forEach(buffer::offer);
    var restarted = new InformerClusterSource(cluster.client(), List.of("platform"), "", Clock.systemUTC());
    toClose.add(restarted);
    restarted.start(buffer::offer);
    Eventually.within(WAIT, () -> assertThat(restarted.hasSynced()).isTrue());
    // the first writes, the replayed list, and one add per pod that still exists (job-0..3)
    long expectedWritten = 2L * recorded.size() + 4;
    Eventually.within(WAIT, () -> assertThat(writer.writtenCount()).isEqualTo(expectedWritten));

    // Then
    assertThat(history(jdbc)).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT string_agg(pod_id || status || resource_version, ',' ORDER BY pod_id) FROM pod_metrics", String.class))
        .isEqualTo(metricsBefore);
  }

  @Test
  void write_whenTheDatabaseStopsMidStream_buffersAndLosesNothing(@TempDir Path data) {
    // Given
    TestPostgres postgres = TestPostgres.privateServer(data.resolve("pg"));
    toClose.add(postgres);
    DataSource dataSource = migrated(postgres.jdbcUrl("postgres"));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ChangeBuffer buffer = new ChangeBuffer(10_000);
    var source = source(buffer::offer);
    var writer = writer(dataSource, buffer, source);
    for (int i = 0; i < 10; i++) {
      cluster.createPod("platform", "api-" + i, "Pending", "node-a");
    }
    Eventually.within(WAIT, () -> assertThat(history(jdbc)).hasSize(10));

    // When: the database goes away while pods keep changing, then comes back
    postgres.stop();
    for (int i = 0; i < 10; i++) {
      cluster.setPhase("platform", "api-" + i, "Running");
      cluster.setPhase("platform", "api-" + i, "Failed");
    }
    Eventually.within(WAIT, () -> assertThat(writer.isDatabaseUp()).isFalse());
    Eventually.within(WAIT, () -> assertThat(buffer.size() + writer.pendingCount()).isEqualTo(20));
    var readiness = new StatusController(dataSource, source, writer, buffer, authOn());
    java.security.Principal apiClient = () -> "api-client";
    assertThat(readiness.ready(apiClient).getStatusCode().value()).isEqualTo(503);
    assertThat(readiness.ready(apiClient).getBody()).containsEntry("database", "DOWN").containsEntry("bufferedChanges", 20);
    postgres.start();

    // Then
    Eventually.within(WAIT, () -> assertThat(history(jdbc)).hasSize(30));
    assertThat(writer.isDatabaseUp()).isTrue();
    assertThat(readiness.ready(null).getStatusCode().value()).isEqualTo(200);
    assertThat(buffer.overflowCount()).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pod_metrics WHERE status = 'Failed'", Long.class)).isEqualTo(10);
  }

  @Test
  void write_whenTheBufferOverflows_countsDropsAndResynchronisesCurrentState(@TempDir Path data) {
    // Given: room for only 5 changes while the database is down
    TestPostgres postgres = TestPostgres.privateServer(data.resolve("pg"));
    toClose.add(postgres);
    DataSource dataSource = migrated(postgres.jdbcUrl("postgres"));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ChangeBuffer buffer = new ChangeBuffer(5);
    var source = source(buffer::offer);
    var writer = writer(dataSource, buffer, source);
    postgres.stop();

    // When
    for (int i = 0; i < 20; i++) {
      cluster.createPod("platform", "burst-" + i, "Running", "node-a");
    }
    Eventually.within(WAIT, () -> assertThat(buffer.overflowCount()).isGreaterThan(0));
    postgres.start();

    // Then: drops were counted, and the current state of every pod still reached the database
    Eventually.within(WAIT, () -> assertThat(jdbc.queryForObject("SELECT count(*) FROM pod_metrics WHERE status = 'Running'", Long.class)).isEqualTo(20));
    assertThat(buffer.overflowCount() + buffer.acceptedCount()).isEqualTo(20);
    assertThat(writer.isDatabaseUp()).isTrue();
  }

  private static dev.chartfactory.dashboard.DashboardProperties authOn() {
    return new dev.chartfactory.dashboard.DashboardProperties(
        List.of("platform"), "",
        new dev.chartfactory.dashboard.DashboardProperties.Kubernetes(""),
        new dev.chartfactory.dashboard.DashboardProperties.Auth(true, "token"),
        new dev.chartfactory.dashboard.DashboardProperties.Buffer(100, 10, java.time.Duration.ofMillis(50)),
        new dev.chartfactory.dashboard.DashboardProperties.LeaderElection(false, "lease", "", ""),
        new dev.chartfactory.dashboard.DashboardProperties.Retention(java.time.Duration.ofDays(14), 5000, java.time.Duration.ZERO),
        new dev.chartfactory.dashboard.DashboardProperties.Logs(100, 1000, 100, 1000, java.time.Duration.ofSeconds(5), 2),
        false);
  }
}
