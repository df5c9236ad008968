package dev.chartfactory.dashboard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Reads what the {@link ChangeWriter} recorded. Every filter value is a bind parameter. */
public final class HistoryRepository {

  private final NamedParameterJdbcTemplate jdbc;

  public HistoryRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One recorded status change of a pod. */
  public record PodStatusChange(
      String podName, String podId, String status, String node, Instant timestamp) {}

  /** A page of results. */
  public record Page<T>(List<T> items, int page, int size, long total) {}

  /** Pod counts per status at one point in time. */
  public record StatusCounts(Instant at, Map<String, Long> counts) {}

  /** Pod status changes matching {@code query}, newest first. */
  public Page<PodStatusChange> podHistory(HistoryQuery query) {
    StringBuilder where = new StringBuilder(" WHERE kind = 'Pod' AND namespace = :namespace");
    MapSqlParameterSource params = new MapSqlParameterSource("namespace", query.namespace());
    if (query.podName() != null && !query.podName().isBlank()) {
      // strpos, not LIKE: the user's text is matched literally, % and _ included.
      where.append(" AND strpos(lower(name), :podName) > 0");
      params.addValue("podName", query.podName().toLowerCase(Locale.ROOT));
    }
    if (query.status() != null && !query.status().isBlank()) {
      where.append(" AND status = :status");
      params.addValue("status", query.status());
    }
    if (query.from() != null) {
      where.append(" AND observed_at >= :from");
      params.addValue("from", Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      where.append(" AND observed_at < :to");
      params.addValue("to", Timestamp.from(query.to()));
    }
    Long total = jdbc.queryForObject("SELECT count(*) FROM status_history" + where, params, Long.class);
    params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
    List<PodStatusChange> items =
        jdbc.query(
            "SELECT name, uid, status, node_name, observed_at FROM status_history"
                + where
                + " ORDER BY observed_at DESC, id DESC LIMIT :limit OFFSET :offset",
            params,
            (rs, i) ->
                new PodStatusChange(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)));
    return new Page<>(items, query.page(), query.size(), total == null ? 0 : total);
  }

  /**
   * How many pods were in each status at {@code points} evenly spaced instants from {@code from}
   * to {@code to}, replaying the recorded history (deleted pods are not counted).
   */
  public List<StatusCounts> podCountsOverTime(String namespace, Instant from, Instant to, int points) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from: must be before to");
    }
    if (points < 2 || points > 200) {
      throw new IllegalArgumentException("points: " + points + " is out of range (2-200)");
    }
    Duration step = Duration.between(from, to).dividedBy(points - 1);
    MapSqlParameterSource params =
        new MapSqlParameterSource("namespace", namespace)
            .addValue("from", Timestamp.from(from))
            .addValue("to", Timestamp.from(to))
            .addValue("stepMillis", Math.max(1, step.toMillis()));
    Map<Instant, Map<String, Long>> byTime = new TreeMap<>();
    jdbc.query(
        "SELECT b.t, s.status, count(*) FROM generate_series(CAST(:from AS timestamptz),"
            + " CAST(:to AS timestamptz), :stepMillis * INTERVAL '1 millisecond') AS b(t)"
            + " CROSS JOIN LATERAL (SELECT DISTINCT ON (uid) uid, status FROM status_history h"
            + " WHERE h.kind = 'Pod' AND h.namespace = :namespace AND h.observed_at <= b.t"
            + " ORDER BY uid, observed_at DESC, id DESC) s"
            + " WHERE s.status <> 'Deleted' GROUP BY b.t, s.status ORDER BY b.t",
        params,
        rs -> {
          byTime.computeIfAbsent(instant(rs, 1), t -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        });
    List<StatusCounts> result = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      Instant at = from.plus(Duration.ofMillis(Math.max(1, step.toMillis()) * i));
      result.add(new StatusCounts(at, byTime.getOrDefault(at, Map.of())));
    }
    return result;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
