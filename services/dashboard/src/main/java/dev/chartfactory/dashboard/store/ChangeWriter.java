package dev.chartfactory.dashboard.store;

import dev.chartfactory.dashboard.cluster.ClusterChange;
import dev.chartfactory.dashboard.cluster.ResourceKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes changes from the {@link ChangeBuffer} to Postgres, a batch per
 * transaction. A failed batch is kept and retried with backoff until the database is back, so
 * nothing is lost while the buffer has room.
 *
 * <p>Idempotency lives in the SQL: a change is applied only when its resourceVersion is newer than
 * the one stored for the object, and a history row is added only when the status differs from
 * the stored one. Replays after a watch reconnect or a restart therefore add nothing.
 */
public final class ChangeWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChangeWriter.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(200);

  // One statement per change: lock in the previous status, upsert the current state unless it is
  // older than what is stored, and add a history row when the upsert applied and the status moved.
  private static final String APPLIED_WHEN =
      " WHERE EXCLUDED.resource_version > m.resource_version OR EXCLUDED.resource_version < 0"
          + " OR (EXCLUDED.status = 'Deleted' AND m.status <> 'Deleted'"
          + " AND EXCLUDED.resource_version >= m.resource_version)";

  static final String UPSERT_POD =
      "WITH v AS (SELECT ?::text AS namespace, ?::text AS name, ?::text AS uid, ?::text AS status,"
          + " ?::text AS node, ?::bigint AS rv, ?::timestamptz AS at),"
          + " prev AS (SELECT m.status FROM pod_metrics m JOIN v ON m.pod_id = v.uid),"
          + " up AS (INSERT INTO pod_metrics AS m"
          + " (namespace, pod_name, pod_id, status, node_name, resource_version, timestamp)"
          + " SELECT namespace, name, uid, status, node, rv, at FROM v"
          + " ON CONFLICT (pod_id) DO UPDATE SET namespace = EXCLUDED.namespace,"
          + " pod_name = EXCLUDED.pod_name, status = EXCLUDED.status,"
          + " node_name = COALESCE(EXCLUDED.node_name, m.node_name),"
          + " resource_version = EXCLUDED.resource_version, timestamp = EXCLUDED.timestamp"
          + APPLIED_WHEN
          + " RETURNING m.status)"
          + " INSERT INTO status_history"
          + " (kind, namespace, name, uid, status, node_name, resource_version, observed_at)"
          + " SELECT 'Pod', v.namespace, v.name, v.uid, v.status, v.node, v.rv, v.at FROM v, up"
          + " WHERE NOT EXISTS (SELECT 1 FROM prev WHERE prev.status = up.status)"
          + " ON CONFLICT DO NOTHING";

  static final String UPSERT_WORKLOAD =
      "WITH v AS (SELECT ?::text AS kind, ?::text AS namespace, ?::text AS name, ?::text AS uid,"
          + " ?::text AS status, ?::bigint AS rv, ?::timestamptz AS at),"
          + " prev AS (SELECT m.status FROM workload_state m JOIN v ON m.uid = v.uid),"
          + " up AS (INSERT INTO workload_state AS m"
          + " (kind, namespace, name, uid, status, resource_version, timestamp)"
          + " SELECT kind, namespace, name, uid, status, rv, at FROM v"
          + " ON CONFLICT (uid) DO UPDATE SET status = EXCLUDED.status,"
          + " resource_version = EXCLUDED.resource_version, timestamp = EXCLUDED.timestamp"
          + APPLIED_WHEN
          + " RETURNING m.status)"
          + " INSERT INTO status_history"
          + " (kind, namespace, name, uid, status, node_name, resource_version, observed_at)"
          + " SELECT v.kind, v.namespace, v.name, v.uid, v.status, NULL, v.rv, v.at FROM v, up"
          + " WHERE NOT EXISTS (SELECT 1 FROM prev WHERE prev.status = up.status)"
          + " ON CONFLICT DO NOTHING";

  private final DataSource dataSource;
  private final ChangeBuffer buffer;
  private final Supplier<List<ClusterChange>> snapshot;
  private final BooleanSupplier isWriter;
  private final int batchSize;
  private final Duration retryDelay;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final AtomicBoolean resyncRequested = new AtomicBoolean();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile String lastError;
  private volatile int pendingSize;
  private Thread thread;

  /**
   * @param dataSource the database
   * @param buffer where changes come from
   * @param snapshot the current state of everything watched, used to resynchronise
   * @param isWriter whether this replica may write now (leader election)
   * @param batchSize changes per transaction
   * @param retryDelay first wait after a failure
   */
  public ChangeWriter(
      DataSource dataSource,
      ChangeBuffer buffer,
      Supplier<List<ClusterChange>> snapshot,
      BooleanSupplier isWriter,
      int batchSize,
      Duration retryDelay) {
    this.dataSource = dataSource;
    this.buffer = buffer;
    this.snapshot = snapshot;
    this.isWriter = isWriter;
    this.batchSize = Math.max(1, batchSize);
    this.retryDelay = retryDelay;
  }

  /** Starts the writer thread. */
  public synchronized void start() {
    if (running.getAndSet(true)) {
      return;
    }
    thread = new Thread(this::loop, "dashboard-change-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for the current state to be written again (new leader, or after overflow). */
  public void requestResync() {
    resyncRequested.set(true);
  }

  private void loop() {
    List<ClusterChange> pending = List.of();
    Duration delay = retryDelay;
    while (running.get()) {
      try {
        if (pending.isEmpty()) {
          boolean resync = buffer.size() == 0 && (buffer.takeOverflowed() | resyncRequested.getAndSet(false));
          pending = resync ? snapshot.get() : buffer.drain(batchSize, POLL);
          if (resync) {
            log.info("resynchronising {} objects from the informer caches", pending.size());
          }
        }
        pendingSize = pending.size();
        if (pending.isEmpty()) {
          continue;
        }
        if (!isWriter.getAsBoolean()) {
          pending = List.of(); // another replica leads and writes; this one's caches stay warm
          continue;
        }
        for (int from = 0; from < pending.size(); from += batchSize) {
          write(pending.subList(from, Math.min(pending.size(), from + batchSize)));
          written.addAndGet(Math.min(pending.size(), from + batchSize) - from);
        }
        pending = List.of();
        pendingSize = 0;
        if (!databaseUp.getAndSet(true)) {
          log.info("database reachable again, buffered changes written");
        }
        lastError = null;
        delay = retryDelay;
      } catch (SQLException | RuntimeException e) {
        failures.incrementAndGet();
        lastError = e.getMessage();
        if (databaseUp.getAndSet(false)) {
          log.warn("cannot write to the database, buffering changes ({} held): {}", buffer.size(), e.getMessage());
        }
        if (!sleep(delay)) {
          return;
        }
        delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private boolean sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes one batch in one transaction; a partial batch is rolled back and retried whole. */
  void write(List<ClusterChange> batch) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement pods = connection.prepareStatement(UPSERT_POD);
          PreparedStatement workloads = connection.prepareStatement(UPSERT_WORKLOAD)) {
        int podCount = 0;
        int workloadCount = 0;
        for (ClusterChange change : batch) {
          if (change.kind() == ResourceKind.POD) {
            bindPod(pods, change);
            pods.addBatch();
            podCount++;
          } else {
            bindWorkload(workloads, change);
            workloads.addBatch();
            workloadCount++;
          }
        }
        if (podCount > 0) {
          pods.executeBatch();
        }
        if (workloadCount > 0) {
          workloads.executeBatch();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static void bindPod(PreparedStatement statement, ClusterChange change) throws SQLException {
    statement.setString(1, change.namespace());
    statement.setString(2, change.name());
    statement.setString(3, change.uid());
    statement.setString(4, change.status());
    if (change.node() == null) {
      statement.setNull(5, Types.VARCHAR);
    } else {
      statement.setString(5, change.node());
    }
    statement.setLong(6, change.resourceVersion());
    statement.setObject(7, change.observedAt().atOffset(ZoneOffset.UTC));
  }

  private static void bindWorkload(PreparedStatement statement, ClusterChange change) throws SQLException {
    statement.setString(1, change.kind().kubernetesName());
    statement.setString(2, change.namespace());
    statement.setString(3, change.name());
    statement.setString(4, change.uid());
    statement.setString(5, change.status());
    statement.setLong(6, change.resourceVersion());
    statement.setObject(7, change.observedAt().atOffset(ZoneOffset.UTC));
  }

  /** False from a failed write until the next successful one. */
  public boolean isDatabaseUp() {
    return databaseUp.get();
  }

  /** The last write error, or null. */
  public String lastError() {
    return lastError;
  }

  /** Changes written since start (including ones that turned out to be replays). */
  public long writtenCount() {
    return written.get();
  }

  /** Failed write attempts since start. */
  public long failureCount() {
    return failures.get();
  }

  /** Changes taken from the buffer but not written yet. */
  public int pendingCount() {
    return pendingSize;
  }

  /** True when the buffer is empty and nothing is waiting to be written. */
  public boolean isIdle() {
    return buffer.size() == 0 && pendingSize == 0 && !resyncRequested.get();
  }

  @Override
  public synchronized void close() {
    running.set(false);
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
