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
 * Ingest figure: 10,000 pods with 5 status changes each go through the mock API server, the
 * informers and the writer into Postgres; prints events/second written and the peak heap.
 * Run with -Xmx512m by bench.sh.
 */
public final class IngestBench {

  private static final String[] CHANGES = {"Running", "Failed", "Pending", "Running", "Succeeded"};

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = Integer.getInteger("bench.threads", 16);
    long expected = (long) pods * (CHANGES.length + 1);
    TestPostgres postgres = TestPostgres.shared();
    try (TestCluster cluster = new TestCluster();
        BenchSupport.HeapSampler heap = new BenchSupport.HeapSampler()) {
      String url = postgres.createDatabase("ingest");
      var app = BenchSupport.startApp(url, cluster, FreePort.find(), Map.of());
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      ChangeWriter writer = app.getBean(ChangeWriter.class);

      // (a) end to end: API server → informer → buffer → writer → Postgres
      long start = System.nanoTime();
      BenchSupport.parallel(pods, threads, i ->
          cluster.client().pods().inNamespace("platform").resource(BenchSupport.pod(i, "Pending")).create());
      for (String phase : CHANGES) {
        BenchSupport.parallel(pods, threads, i -> cluster.client().pods().inNamespace("platform")
            .resource(BenchSupport.pod(i, phase)).patchStatus());
      }
      double produced = seconds(start);
      long rows = waitForRows(jdbc, expected, Duration.ofMinutes(5));
      double total = seconds(start);
      System.out.printf("ingest: %d pods x (create + %d status changes) = %d events through the mock API server%n",
          pods, CHANGES.length, expected);
      System.out.printf("ingest: history rows %d (expected %d), changes written %d, overflow %d%n",
          rows, expected, writer.writtenCount(), app.getBean(ChangeBuffer.class).overflowCount());
      System.out.printf("ingest: mock server accepted them in %.1f s; all written after %.1f s%n", produced, total);
      System.out.printf("INGEST_END_TO_END_EVENTS_PER_SECOND=%.0f%n", expected / total);
      app.close();

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
