package dev.chartfactory.dashboard.bench;

import dev.chartfactory.dashboard.cluster.ClusterChange;
import dev.chartfactory.dashboard.cluster.ResourceKind;
import dev.chartfactory.dashboard.store.ChangeBuffer;
import dev.chartfactory.dashboard.store.ChangeWriter;
import dev.chartfactory.dashboard.store.Retention;
import dev.chartfactory.dashboard.support.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention figures, in one run: (1) ingest rate through the writer with no retention, (2) the
 * same ingest while retention deletes BENCH_RETENTION_ROWS (1,000,000) expired rows in batches,
 * (3) 30 simulated days of 60,000 history rows a day with retention (14 days) after each day:
 * row count and table size level off.
 */
public final class RetentionBench {

  private static final String[] CHANGES = {"Running", "Failed", "Pending", "Running", "Succeeded"};

  public static void main(String[] args) throws Exception {
    int expired = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perDay = Integer.getInteger("bench.rowsPerDay", 60_000);
    int batch = Integer.getInteger("bench.batch", 5_000);
    TestPostgres postgres = TestPostgres.shared();
    try {
      // (1) and (2): one database each, both seeded with the same expired rows
      JdbcTemplate before = database(postgres, "retention_off");
      seed(before, expired, Instant.now().minus(Duration.ofDays(20)));
      double seconds = Double.parseDouble(System.getProperty("bench.seconds", "15"));
      double rateOff = ingest(before, () -> sleep(Duration.ofMillis((long) (seconds * 1000))));
      System.out.printf("retention: %d expired rows in status_history; ingest through the writer, batches of 500%n", expired);
      System.out.printf("RETENTION_OFF_INGEST_EVENTS_PER_SECOND=%.0f   (%.0f s, retention not running)%n", rateOff, seconds);

      JdbcTemplate during = database(postgres, "retention_on");
      seed(during, expired, Instant.now().minus(Duration.ofDays(20)));
      DataSource dataSource = during.getDataSource();
      Retention retention = new Retention(dataSource, Clock.systemUTC(), () -> true, Retention.DASHBOARD_TABLES,
          Duration.ofDays(14), batch, Duration.ZERO);
      Retention.Pass[] pass = new Retention.Pass[1];
      long[] deleteNanos = new long[1];
      double rateOn = ingest(during, () -> {
        long start = System.nanoTime();
        try {
          pass[0] = retention.runOnce();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        deleteNanos[0] = System.nanoTime() - start;
      });
      double deleteSeconds = deleteNanos[0] / 1e9;
      System.out.printf("RETENTION_ON_INGEST_EVENTS_PER_SECOND=%.0f   (while %d rows were deleted in %d batches of %d, %.1f s incl. VACUUM)%n",
          rateOn, pass[0].deleted(), pass[0].batches(), batch, deleteSeconds);
      System.out.printf("RETENTION_DELETE_ROWS_PER_SECOND=%.0f   longest batch (row locks held) %d ms%n",
          pass[0].deleted() / deleteSeconds, pass[0].longestBatch().toMillis());
      System.out.printf("retention: rows left %d (expired left: %d)%n",
          during.queryForObject("SELECT count(*) FROM status_history", Long.class),
          during.queryForObject("SELECT count(*) FROM status_history WHERE observed_at < now() - interval '14 days'", Long.class));

      // (3) steady state over simulated days
      JdbcTemplate days = database(postgres, "retention_days");
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      StringBuilder line = new StringBuilder();
      for (int day = 1; day <= 30; day++) {
        Instant today = start.plus(Duration.ofDays(day));
        seed(days, perDay, today.minus(Duration.ofHours(12)));
        new Retention(days.getDataSource(), Clock.fixed(today, ZoneOffset.UTC), () -> true, Retention.DASHBOARD_TABLES,
            Duration.ofDays(14), batch, Duration.ZERO).runOnce();
        if (day == 1 || day == 7 || day == 14 || day == 15 || day == 21 || day == 30) {
          long rows = days.queryForObject("SELECT count(*) FROM status_history", Long.class);
          long mib = days.queryForObject("SELECT pg_total_relation_size('status_history')", Long.class) / (1024 * 1024);
          line.append(String.format(" day %d: %d rows %d MiB;", day, rows, mib));
        }
      }
      System.out.printf("retention steady state (%d rows/day, max age 14d, pass after each day):%s%n", perDay, line);
    } finally {
      postgres.stop();
    }
    System.exit(0);
  }

  private static JdbcTemplate database(TestPostgres postgres, String name) {
    DataSource dataSource = TestPostgres.dataSource(postgres.createDatabase(name));
    ((org.postgresql.ds.PGSimpleDataSource) dataSource).setSocketTimeout(0); // VACUUM of a million rows may take longer
    Flyway.configure().dataSource(dataSource).load().migrate();
    return new JdbcTemplate(dataSource);
  }

  /** {@code rows} history rows at about {@code at}, spread over pods of 6 rows each. */
  private static void seed(JdbcTemplate jdbc, int rows, Instant at) {
    // chunks of 50,000: each statement stays well inside the data source's 10 s socket timeout
    for (int from = 1; from <= rows; from += 50_000) {
      seed(jdbc, from, Math.min(rows, from + 49_999), at);
    }
  }

  private static void seed(JdbcTemplate jdbc, int from, int to, Instant at) {
    jdbc.update("INSERT INTO status_history (kind, namespace, name, uid, status, node_name, resource_version, observed_at)"
        + " SELECT 'Pod', 'platform', 'seed-' || (g / 6), md5(?::text || (g / 6)::text), 'S' || (g % 6), 'node-1', g, ?::timestamptz + g * interval '1 ms'"
        + " FROM generate_series(?, ?) AS g", at.toString(), java.sql.Timestamp.from(at), from, to);
  }

  /** Writes new pod changes through a ChangeWriter as fast as it takes them while {@code during} runs; events/s. */
  private static double ingest(JdbcTemplate jdbc, Runnable during) throws Exception {
    ChangeBuffer buffer = new ChangeBuffer(100_000);
    AtomicBoolean producing = new AtomicBoolean(true);
    CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
      int pod = 0;
      while (producing.get()) {
        if (buffer.size() > 90_000) {
          sleep(Duration.ofMillis(1));
          continue;
        }
        String uid = UUID.randomUUID().toString();
        String name = "ingest-" + pod++;
        Instant now = Instant.now();
        buffer.offer(new ClusterChange(ResourceKind.POD, "platform", name, uid, "Pending", "node-1", 1, now));
        for (int c = 0; c < CHANGES.length; c++) {
          buffer.offer(new ClusterChange(ResourceKind.POD, "platform", name, uid, CHANGES[c], "node-1", c + 2, now));
        }
      }
    });
    try (ChangeWriter writer = new ChangeWriter(jdbc.getDataSource(), buffer, List::of, () -> true, 500, Duration.ofMillis(100))) {
      writer.start();
      sleep(Duration.ofSeconds(2)); // warm-up
      long written = writer.writtenCount();
      long start = System.nanoTime();
      during.run();
      double rate = (writer.writtenCount() - written) / ((System.nanoTime() - start) / 1e9);
      producing.set(false);
      producer.join();
      return rate;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
