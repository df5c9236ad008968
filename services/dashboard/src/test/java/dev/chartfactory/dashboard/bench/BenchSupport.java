package dev.chartfactory.dashboard.bench;

import dev.chartfactory.dashboard.DashboardApplication;
import dev.chartfactory.dashboard.support.TestCluster;
import io.fabric8.kubernetes.api.model.Pod;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Shared pieces of the benches (not tests: run by bench.sh, never by the test phase). */
final class BenchSupport {

  static final String BENCH_TOKEN = "bench-token";

  private BenchSupport() {}

  /** Starts the whole dashboard against {@code databaseUrl} and the mock server. */
  static ConfigurableApplicationContext startApp(String databaseUrl, TestCluster cluster, int port, Map<String, Object> extra) {
    return startApp(databaseUrl, cluster.url(), port, extra);
  }

  /** Starts the whole dashboard against {@code databaseUrl} and the API server at {@code masterUrl}. */
  static ConfigurableApplicationContext startApp(String databaseUrl, String masterUrl, int port, Map<String, Object> extra) {
    Map<String, Object> properties = new java.util.HashMap<>(Map.of(
        "server.address", "127.0.0.1",
        "server.port", port,
        "spring.datasource.url", databaseUrl,
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "",
        "dashboard.namespaces", "platform",
        "dashboard.kubernetes.master-url", masterUrl,
        "dashboard.leader-election.enabled", false,
        "logging.level.root", "WARN"));
    properties.put("dashboard.auth.token", BENCH_TOKEN);
    properties.putAll(extra);
    // As arguments: properties() would only set defaults, which application.yaml overrides.
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(DashboardApplication.class).run(args);
  }

  /** Runs {@code task(i)} for i in [0, count) on {@code threads} threads. */
  static void parallel(int count, int threads, IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      int chunk = (count + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        int from = t * chunk;
        int to = Math.min(count, from + chunk);
        futures.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            task.accept(i);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Pod pod(int i, String phase) {
    return TestCluster.pod("platform", String.format("bench-pod-%05d", i), phase, "node-" + (i % 20));
  }

  /** Samples used heap every 20 ms and keeps the peak. */
  static final class HeapSampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler() {
      thread = new Thread(() -> {
        var memory = ManagementFactory.getMemoryMXBean();
        while (running) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    long peakMiB() {
      return peak.get() / (1024 * 1024);
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
    }
  }
}
