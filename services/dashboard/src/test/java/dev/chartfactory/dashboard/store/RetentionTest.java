package dev.chartfactory.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.chartfactory.dashboard.support.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Retention against a real Postgres: what goes, what stays, who deletes, and that ingest is not blocked. */
class RetentionTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private DataSource dataSource;
  private JdbcTemplate jdbc;

  @BeforeEach
  void database() {
    dataSource = TestPostgres.dataSource(TestPostgres.shared().createDatabase("retention"));
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
  }

  private void history(String uid, int rows, Duration age) {
    for (int i = 0; i < rows; i++) {
      jdbc.update("INSERT INTO status_history (kind, namespace, name, uid, status, resource_version, observed_at)"
          + " VALUES ('Pod', 'platform', ?, ?, 'Running', ?, ?)", uid, uid, i, Timestamp.from(NOW.minus(age)));
    }
  }

  private void pod(String uid, String status, Duration age) {
    jdbc.update("INSERT INTO pod_metrics (namespace, pod_name, pod_id, status, resource_version, timestamp)"
        + " VALUES ('platform', ?, ?, ?, 1, ?)", uid, uid, status, Timestamp.from(NOW.minus(age)));
  }

  private Retention retention(boolean leader, int batchSize) {
    return new Retention(dataSource, CLOCK, () -> leader, Retention.DASHBOARD_TABLES, Duration.ofDays(14), batchSize, Duration.ZERO);
  }

  @Test
  void runOnce_deletesRowsOlderThanTheMaxAgeInBatches_andKeepsTheRest() throws Exception {
    // Given: 10 history rows of 20 days ago, 4 of yesterday; pods deleted long ago, recently, and one old but alive
    history("old", 10, Duration.ofDays(20));
    history("new", 4, Duration.ofDays(1));
    pod("gone-long-ago", "Deleted", Duration.ofDays(30));
    pod("gone-yesterday", "Deleted", Duration.ofDays(1));
    pod("alive-for-a-month", "Running", Duration.ofDays(30));

    // When
    Retention.Pass pass = retention(true, 3).runOnce();

    // Then: 10 rows in batches of 3 (3+3+3+1), then one batch per other table
    assertThat(pass.deleted()).isEqualTo(11);
    assertThat(pass.batches()).isEqualTo(4 + 1 + 1);
    assertThat(jdbc.queryForList("SELECT DISTINCT uid FROM status_history", String.class)).containsExactly("new");
    assertThat(jdbc.queryForList("SELECT pod_id FROM pod_metrics ORDER BY pod_id", String.class))
        .containsExactly("alive-for-a-month", "gone-yesterday");
    assertThat(retention(true, 3).runOnce().deleted()).isZero();
  }

  @Test
  void runOnce_onAReplicaThatDoesNotLead_deletesNothing() throws Exception {
    history("old", 5, Duration.ofDays(20));

    assertThat(retention(false, 3).runOnce().deleted()).isZero();

    assertThat(jdbc.queryForObject("SELECT count(*) FROM status_history", Long.class)).isEqualTo(5);
  }

  @Test
  void runOnce_whileAWriterHoldsAnOpenTransaction_neitherWaitsForTheOther() throws Exception {
    // Given: old rows, and a writer in the middle of a transaction that inserts and upserts
    history("old", 50, Duration.ofDays(20));
    pod("alive", "Running", Duration.ofDays(1));
    try (Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement()) {
      writer.setAutoCommit(false);
      statement.execute("SET lock_timeout = '5s'");
      statement.execute("INSERT INTO status_history (kind, namespace, name, uid, status, resource_version, observed_at)"
          + " VALUES ('Pod', 'platform', 'w', 'w', 'Running', 1, now())");
      statement.execute("UPDATE pod_metrics SET status = 'Failed' WHERE pod_id = 'alive'");

      // When: retention runs meanwhile (it would hang here if it needed a table lock)
      Retention.Pass pass = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> retention(true, 7).runOnce());

      // Then: the old rows went, and the writer can still insert and commit
      assertThat(pass.deleted()).isEqualTo(50);
      statement.execute("INSERT INTO status_history (kind, namespace, name, uid, status, resource_version, observed_at)"
          + " VALUES ('Pod', 'platform', 'w', 'w', 'Failed', 2, now())");
      writer.commit();
    }
    assertThat(jdbc.queryForList("SELECT uid FROM status_history", String.class)).containsExactly("w", "w");
  }

  @Test
  void constructor_withNonsenseSettings_saysWhichSetting() {
    assertThatThrownBy(() -> new Retention(dataSource, CLOCK, () -> true, List.of(), Duration.ZERO, 10, Duration.ZERO))
        .hasMessageContaining("dashboard.retention.max-age");
    assertThatThrownBy(() -> new Retention(dataSource, CLOCK, () -> true, List.of(), Duration.ofDays(1), 0, Duration.ZERO))
        .hasMessageContaining("dashboard.retention.batch-size");
  }
}
