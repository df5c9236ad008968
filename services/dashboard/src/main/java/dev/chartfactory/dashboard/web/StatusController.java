package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.DashboardProperties;
import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.store.ChangeBuffer;
import dev.chartfactory.dashboard.store.ChangeWriter;
import java.security.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness, for probes and people. */
@RestController
public class StatusController {

  private final DataSource dataSource;
  private final ClusterSource source;
  private final ChangeWriter writer;
  private final ChangeBuffer buffer;
  private final boolean authEnabled;

  public StatusController(
      DataSource dataSource, ClusterSource source, ChangeWriter writer, ChangeBuffer buffer, DashboardProperties properties) {
    this.dataSource = dataSource;
    this.source = source;
    this.writer = writer;
    this.buffer = buffer;
    this.authEnabled = properties.auth().enabled();
  }

  /** The process is alive; says nothing about its dependencies (a restart would not fix them). */
  @GetMapping("/health")
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }

  /**
   * 200 when the database answers and every informer has synced, 503 otherwise. Buffer figures
   * and the last write error (which may quote the database) only for callers with the token.
   */
  @GetMapping("/ready")
  public ResponseEntity<Map<String, Object>> ready(Principal caller) {
    String database = databaseStatus();
    boolean synced = source.hasSynced();
    boolean ready = "UP".equals(database) && synced;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "UP" : "DOWN");
    body.put("database", database);
    body.put("informers", synced ? "SYNCED" : "SYNCING");
    if (authEnabled && caller == null) {
      return ResponseEntity.status(ready ? 200 : 503).body(body);
    }
    body.put("bufferedChanges", buffer.size() + writer.pendingCount());
    body.put("bufferCapacity", buffer.capacity());
    body.put("droppedChanges", buffer.overflowCount());
    if (writer.lastError() != null) {
      body.put("lastWriteError", writer.lastError());
    }
    return ResponseEntity.status(ready ? 200 : 503).body(body);
  }

  private String databaseStatus() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2) && writer.isDatabaseUp() ? "UP" : "DOWN";
    } catch (SQLException e) {
      return "DOWN";
    }
  }
}
