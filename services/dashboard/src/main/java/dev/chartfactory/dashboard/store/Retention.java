package dev.chartfactory.dashboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes rows older than {@code maxAge}, on the leader only, in batches of {@code batchSize}
 * rows, each batch its own short transaction: a DELETE takes row locks only, which inserts never
 * wait for, so the writer keeps ingesting while a million old rows go (figures in bench.sh).
 * Chosen over time partitions: no partition maintenance, no change to the upserts' unique keys,
 * and the batches were measured not to slow ingest noticeably. After a pass that deleted rows,
 * a plain {@code VACUUM} (no exclusive lock) makes the space reusable so the table's size stays
 * flat in steady state.
 */
public final class Retention implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /**
   * A table retention trims.
   *
   * @param name table name
   * @param timeColumn the column compared with the cut-off (indexed)
   * @param condition extra condition, or empty
   */
  public record Table(String name, String timeColumn, String condition) {

    String deleteBatch() {
      String where = timeColumn + " < ?" + (condition.isEmpty() ? "" : " AND " + condition);
      // ctid: the batch's rows are deleted by their physical address, no second index lookup.
      return "DELETE FROM " + name + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + name + " WHERE " + where
          + " ORDER BY " + timeColumn + " LIMIT ?))";
    }
  }

  /** What the dashboard trims: the history and the current-state rows of long-deleted objects. */
  public static final List<Table> DASHBOARD_TABLES = List.of(
      new Table("status_history", "observed_at", ""),
      new Table("pod_metrics", "timestamp", "status = 'Deleted'"),
      new Table("workload_state", "timestamp", "status = 'Deleted'"));

  /**
   * One pass.
   *
   * @param deleted rows deleted
   * @param batches transactions used
   * @param longestBatch the longest single transaction (how long its row locks were held)
   */
  public record Pass(long deleted, int batches, Duration longestBatch) {}

  private final DataSource dataSource;
  private final Clock clock;
  private final BooleanSupplier isLeader;
  private final List<Table> tables;
  private final Duration maxAge;
  private final int batchSize;
  private final Duration interval;
  private final AtomicLong deletedTotal = new AtomicLong();
  private ScheduledExecutorService scheduler;

  public Retention(
      DataSource dataSource,
      Clock clock,
      BooleanSupplier isLeader,
      List<Table> tables,
      Duration maxAge,
      int batchSize,
      Duration interval) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("dashboard.retention.max-age: must be positive, was " + maxAge);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("dashboard.retention.batch-size: must be at least 1, was " + batchSize);
    }
    this.dataSource = dataSource;
    this.clock = clock;
    this.isLeader = isLeader;
    this.tables = List.copyOf(tables);
    this.maxAge = maxAge;
    this.batchSize = batchSize;
    this.interval = interval;
  }

  /** Runs a pass every {@code interval}, the first one after a minute (start-up stays quiet). */
  public synchronized void start() {
    if (scheduler != null || interval.isZero() || interval.isNegative()) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "dashboard-retention");
      thread.setDaemon(true);
      return thread;
    });
    long initial = Math.min(interval.toMillis(), 60_000);
    scheduler.scheduleWithFixedDelay(this::runQuietly, initial, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runQuietly() {
    try {
      Pass pass = runOnce();
      if (pass.deleted() > 0) {
        log.info("retention: deleted {} rows older than {} in {} batches (longest {} ms)",
            pass.deleted(), maxAge, pass.batches(), pass.longestBatch().toMillis());
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("retention pass failed, next one in {}: {}", interval, e.getMessage());
    }
  }

  /** Deletes everything older than the cut-off, batch by batch; stops early when leadership is lost. */
  public Pass runOnce() throws SQLException {
    Instant cutoff = clock.instant().minus(maxAge);
    long deleted = 0;
    int batches = 0;
    long longest = 0;
    List<String> trimmed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      for (Table table : tables) {
        long before = deleted;
        try (PreparedStatement delete = connection.prepareStatement(table.deleteBatch())) {
          while (isLeader.getAsBoolean()) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, batchSize);
            long start = System.nanoTime();
            int rows = delete.executeUpdate();
            longest = Math.max(longest, System.nanoTime() - start);
            batches++;
            deleted += rows;
            deletedTotal.addAndGet(rows);
            if (rows < batchSize) {
              break;
            }
          }
        }
        if (deleted > before) {
          trimmed.add(table.name());
        }
      }
      try (Statement vacuum = connection.createStatement()) {
        for (String name : trimmed) {
          vacuum.execute("VACUUM " + name);
        }
      }
    }
    return new Pass(deleted, batches, Duration.ofNanos(longest));
  }

  /** Rows deleted since start. */
  public long deletedCount() {
    return deletedTotal.get();
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
