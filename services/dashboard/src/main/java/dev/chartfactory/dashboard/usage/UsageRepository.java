package dev.chartfactory.dashboard.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Reads the usage samples of the pods of one workload. */
public final class UsageRepository {

  /** One point of a pod's series. */
  public record Point(Instant at, int cpuMillicores, long memoryBytes) {}

  private final NamedParameterJdbcTemplate jdbc;

  public UsageRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Series per pod whose name starts with {@code podPrefix}, oldest first, since {@code from}. */
  public Map<String, List<Point>> series(String namespace, String podPrefix, Instant from) {
    Map<String, List<Point>> result = new TreeMap<>();
    // LIKE with text_pattern_ops uses the index; the prefix is a Kubernetes name (no % or _ in it,
    // checked by the caller), so it is matched literally.
    jdbc.query(
        "SELECT pod_name, sampled_at, cpu_millicores, memory_bytes FROM pod_usage"
            + " WHERE namespace = :namespace AND pod_name LIKE :prefix AND sampled_at >= :from"
            + " ORDER BY pod_name, sampled_at",
        new MapSqlParameterSource("namespace", namespace)
            .addValue("prefix", podPrefix + "%")
            .addValue("from", Timestamp.from(from)),
        rs -> {
          result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new Point(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3), rs.getLong(4)));
        });
    return result;
  }
}
