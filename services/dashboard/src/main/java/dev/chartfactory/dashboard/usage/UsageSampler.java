package dev.chartfactory.dashboard.usage;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples CPU and memory of every pod in the watched namespaces from metrics.k8s.io (what
 * {@code kubectl top} reads) through Fabric8's {@code top()}, on the leader only, and stores one
 * row per pod. Without a metrics API (no metrics-server) it says so in its status and keeps
 * trying; entries it cannot read (missing or negative quantities) are skipped and counted.
 */
public final class UsageSampler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UsageSampler.class);

  /**
   * What the page and {@code /api/stats} say about the metrics API.
   *
   * @param available true after the last sample succeeded
   * @param message why not, or null
   * @param lastSampleAt time of the last successful sample, or null
   * @param podsSampled pods in the last successful sample
   * @param skippedEntries entries of the last sample that could not be read
   */
  public record Status(boolean available, String message, Instant lastSampleAt, int podsSampled, int skippedEntries) {}

  /** One pod's usage in one sample. */
  record Sample(String namespace, String pod, int cpuMillicores, long memoryBytes) {}

  static final String INSERT =
      "INSERT INTO pod_usage (sampled_at, namespace, pod_name, cpu_millicores, memory_bytes) VALUES (?, ?, ?, ?, ?)";

  private final KubernetesClient client;
  private final DataSource dataSource;
  private final Supplier<List<String>> namespaces;
  private final BooleanSupplier isLeader;
  private final Clock clock;
  private final Duration interval;
  private volatile Status status = new Status(false, "not sampled yet", null, 0, 0);
  private ScheduledExecutorService scheduler;

  public UsageSampler(
      KubernetesClient client, DataSource dataSource, Supplier<List<String>> namespaces, BooleanSupplier isLeader,
      Clock clock, Duration interval) {
    this.client = client;
    this.dataSource = dataSource;
    this.namespaces = namespaces;
    this.isLeader = isLeader;
    this.clock = clock;
    this.interval = interval;
  }

  public synchronized void start() {
    if (scheduler != null || interval.isZero() || interval.isNegative()) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "dashboard-usage-sampler");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::sampleQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sampleQuietly() {
    try {
      if (isLeader.getAsBoolean()) {
        sampleOnce();
      }
    } catch (RuntimeException e) {
      log.warn("usage sample failed: {}", e.getMessage());
    }
  }

  public Status status() {
    return status;
  }

  /** Reads every watched namespace's pod metrics and stores them; returns the new status. */
  public Status sampleOnce() {
    Instant now = clock.instant();
    List<Sample> samples = new ArrayList<>();
    int skipped = 0;
    try {
      for (String namespace : namespaces.get()) {
        var list = client.top().pods().metrics(namespace);
        if (list == null || list.getItems() == null) {
          throw new IllegalStateException("metrics.k8s.io answered without items");
        }
        for (PodMetrics pod : list.getItems()) {
          Sample sample = sample(namespace, pod);
          if (sample == null) {
            skipped++;
          } else {
            samples.add(sample);
          }
        }
      }
    } catch (KubernetesClientException e) {
      String message;
      if (e.getCode() == 404 || e.getCode() == 503) {
        message = "metrics API (metrics.k8s.io) not available: is metrics-server installed?";
      } else if (parseError(e) != null) {
        // a 200 whose body is not a PodMetricsList
        message = "metrics API answered something unreadable: " + firstLine(parseError(e).getMessage());
      } else {
        message = "metrics API failed: " + firstLine(e.getMessage());
      }
      return fail(message);
    } catch (RuntimeException e) {
      // garbage from the metrics API: JSON that does not parse, or a shape it should not have
      return fail("metrics API answered something unreadable: " + firstLine(e.getMessage()));
    }
    try {
      store(now, samples);
    } catch (SQLException e) {
      return fail("usage not stored: database: " + firstLine(e.getMessage()));
    }
    status = new Status(true, skipped > 0 ? skipped + " metrics entries could not be read and were skipped" : null,
        now, samples.size(), skipped);
    return status;
  }

  private Status fail(String message) {
    if (!message.equals(status.message())) {
      log.warn("{}", message);
    }
    Status previous = status;
    status = new Status(false, message, previous.lastSampleAt(), 0, 0);
    return status;
  }

  /** One pod's total over its containers, or null when an entry is missing or nonsense. */
  static Sample sample(String namespace, PodMetrics pod) {
    if (pod.getMetadata() == null || pod.getMetadata().getName() == null || pod.getContainers() == null
        || pod.getContainers().isEmpty()) {
      return null;
    }
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    try {
      for (ContainerMetrics container : pod.getContainers()) {
        if (container.getUsage() == null) {
          return null;
        }
        Quantity c = container.getUsage().get("cpu");
        Quantity m = container.getUsage().get("memory");
        if (c == null || m == null) {
          return null;
        }
        cpu = cpu.add(c.getNumericalAmount());
        memory = memory.add(m.getNumericalAmount());
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
    if (cpu.signum() < 0 || memory.signum() < 0) {
      return null;
    }
    BigDecimal millicores = cpu.movePointRight(3);
    if (millicores.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
        || memory.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return null;
    }
    return new Sample(namespace, pod.getMetadata().getName(),
        millicores.setScale(0, java.math.RoundingMode.HALF_UP).intValue(),
        memory.setScale(0, java.math.RoundingMode.HALF_UP).longValue());
  }

  private void store(Instant at, List<Sample> samples) throws SQLException {
    if (samples.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
      connection.setAutoCommit(false);
      Timestamp time = Timestamp.from(at);
      int n = 0;
      for (Sample s : samples) {
        insert.setTimestamp(1, time);
        insert.setString(2, s.namespace());
        insert.setString(3, s.pod());
        insert.setInt(4, s.cpuMillicores());
        insert.setLong(5, s.memoryBytes());
        insert.addBatch();
        if (++n % 1000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  /** The JSON parser's complaint in the cause chain, or null. */
  private static Throwable parseError(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.JacksonException) {
        return t;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    String line = message.strip().lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
