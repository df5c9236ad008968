package dev.chartfactory.dashboard.bench;

import dev.chartfactory.dashboard.cluster.ClusterChange;
import dev.chartfactory.dashboard.cluster.ResourceKind;
import dev.chartfactory.dashboard.store.ChangeBuffer;
import dev.chartfactory.dashboard.store.ChangeWriter;
import dev.chartfactory.dashboard.support.FreePort;
import dev.chartfactory.dashboard.support.TestCluster;
import dev.chartfactory.dashboard.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ingest figure: 10,000 pods with 5 status changes each reach the informers on a watch of Fabric8's
 * mock API server (expectations mode, see {@link WatchStream}) and go through the buffer and the
 * writer into Postgres; prints events/second written and the peak heap. Run with -Xmx512m by
 * bench.sh. With -Dbench.crud=true it also prints the former, harness-bound figure: the same events
 * as 60,000 REST writes to the CRUD mock server.
 */
public final class IngestBench {

  private static final String[] CHANGES = {"Running", "Failed", "Pending", "Running", "Succeeded"};

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = Integer.getInteger("bench.threads", 16);
    long expected = (long) pods * (CHANGES.length + 1);
    TestPostgres postgres = TestPostgres.shared();
    try (BenchSupport.HeapSampler heap = new BenchSupport.HeapSampler()) {
      // (a) end to end, fed by a watch stream: mock API server (expectations mode) → informer →
      // buffer → writer → Postgres. The events are on the wire as fast as the mock can send them,
      // so the figure is what the service sustains.
      try (WatchStream stream = new WatchStream("platform", pods, CHANGES)) {
        var app = BenchSupport.startApp(postgres.createDatabase("ingest"), stream.url(), FreePort.find(), Map.of());
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        ChangeWriter writer = app.getBean(ChangeWriter.class);
        long rows = waitForRows(jdbc, expected, Duration.ofMinutes(5));
        Instant done = Instant.now();
        // The first history row's observed_at is when the informer handed the first event over.
        java.sql.Timestamp first = jdbc.queryForObject("SELECT min(observed_at) FROM status_history", java.sql.Timestamp.class);
        double total = first == null ? Double.NaN : Duration.between(first.toInstant(), done).toNanos() / 1e9;
        System.out.printf("ingest: %d pods x (ADDED + %d MODIFIED) = %d events on one watch of the mock API server (expectations mode)%n",
            pods, CHANGES.length, expected);
        System.out.printf("ingest: history rows %d (expected %d), changes written %d, overflow %d%n",
            rows, expected, writer.writtenCount(), app.getBean(ChangeBuffer.class).overflowCount());
        if (rows < expected) {
          System.out.printf("ingest: INCOMPLETE; requests seen by the mock server: %s%n", stream.requests());
        }
        System.out.printf("ingest: all written %.1f s after the first event was received%n", total);
        System.out.printf("INGEST_END_TO_END_EVENTS_PER_SECOND=%.0f%n", expected / total);
        System.out.printf("INGEST_END_TO_END_PEAK_HEAP_MIB=%d%n", heap.peakMiB());
        app.close();
      }

      // (a') optional, -Dbench.crud=true: the former figure, 60,000 REST writes to the CRUD mock
      // server, which handles one request at a time (~500/s): it measures the harness, not the service.
      if (Boolean.getBoolean("bench.crud")) {
        crudWrites(postgres, pods, threads, expected);
      }

      // (b) the writer alone: 60,000 new changes already buffered, drained into an empty database
      DataSource dataSource = TestPostgres.dataSource(postgres.createDatabase("drain"));
      Flyway.configure().dataSource(dataSource).load().migrate();
      ChangeBuffer buffer = new ChangeBuffer((int) expected);
      Instant now = Instant.now();
      for (int i = 0; i < pods; i++) {
        String uid = UUID.randomUUID().toString();
        String name = String.format("drain-pod-%05d", i);
        buffer.offer(new ClusterChange(ResourceKind.POD, "platform", name, uid, "Pending", "node-1", 1, now));
        for (int c = 0; c < CHANGES.length; c++) {
          buffer.offer(new ClusterChange(ResourceKind.POD, "platform", name, uid, CHANGES[c], "node-1", c + 2, now));
        }
      }
      long drainStart = System.nanoTime();
      try (ChangeWriter drain = new ChangeWriter(dataSource, buffer, List::of, () -> true, 500, Duration.ofMillis(100))) {
        drain.start();
        long drained = waitForRows(new JdbcTemplate(dataSource), expected, Duration.ofMinutes(5));
        double drainSeconds = seconds(drainStart);
        System.out.printf("ingest: writer alone drained %d buffered changes in %.1f s%n", drained, drainSeconds);
        System.out.printf("INGEST_WRITER_EVENTS_PER_SECOND=%.0f%n", expected / drainSeconds);
      }
      System.out.printf("INGEST_PEAK_HEAP_MIB=%d (max heap %d MiB)%n", heap.peakMiB(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    } finally {
      postgres.stop();
    }
    System.exit(0);
  }

  private static void crudWrites(TestPostgres postgres, int pods, int threads, long expected) throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      var app = BenchSupport.startApp(postgres.createDatabase("ingest_crud"), cluster, FreePort.find(), Map.of());
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      long start = System.nanoTime();
      BenchSupport.parallel(pods, threads, i ->
          cluster.client().pods().inNamespace("platform").resource(BenchSupport.pod(i, "Pending")).create());
      for (String phase : CHANGES) {
        BenchSupport.parallel(pods, threads, i -> cluster.client().pods().inNamespace("platform")
            .resource(BenchSupport.pod(i, phase)).patchStatus());
      }
      long rows = waitForRows(jdbc, expected, Duration.ofMinutes(5));
      double total = seconds(start);
      System.out.printf("ingest via CRUD REST writes (harness-bound): %d rows of %d, all written after %.1f s%n", rows, expected, total);
      System.out.printf("INGEST_CRUD_REST_EVENTS_PER_SECOND=%.0f (harness-bound: the CRUD mock serves one request at a time)%n",
          expected / total);
      app.close();
    }
  }

  private static long waitForRows(JdbcTemplate jdbc, long expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long rows = 0;
    while (System.nanoTime() < deadline) {
      rows = jdbc.queryForObject("SELECT count(*) FROM status_history", Long.class);
      if (rows >= expected) {
        return rows;
      }
      Thread.sleep(50);
    }
    return rows;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
