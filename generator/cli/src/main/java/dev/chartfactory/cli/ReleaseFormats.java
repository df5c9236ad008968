package dev.chartfactory.cli;

import dev.chartfactory.core.api.ReleaseHistory;
import dev.chartfactory.core.api.ReleaseOperation;
import dev.chartfactory.core.api.ReleaseState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code status} and {@code history} as text, or as JSON with stable field names (documented in
 * docs/operations.md): Helm's view of the release joined with the operation log's who/when/commit;
 * {@code operation} is null where the log has no entry for a revision.
 */
final class ReleaseFormats {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReleaseFormats() {}

  static String statusText(ReleaseState status) {
    StringBuilder out = new StringBuilder("release " + status.release() + " in namespace " + status.namespace()
        + ": " + status.status() + ", revision " + status.revision()
        + (status.description().isBlank() ? "" : " (" + status.description() + ")"));
    ReleaseOperation entry = status.operation();
    if (entry != null) {
      out.append("\n").append(entry.operation()).append(entry.environment() == null ? "" : " --env " + entry.environment())
          .append(" by ").append(entry.who()).append(" at ").append(entry.when())
          .append(entry.commit() == null ? "" : " from commit " + shortCommit(entry.commit()));
    }
    return out.toString();
  }

  static String historyTable(ReleaseHistory history) {
    StringBuilder out = new StringBuilder(String.format("%-8s %-20s %-16s %-22s %-12s %-20s %-12s %s%n",
        "REVISION", "UPDATED", "STATUS", "CHART", "WHO", "WHEN", "COMMIT", "DESCRIPTION"));
    for (ReleaseHistory.Revision revision : history.revisions()) {
      ReleaseOperation entry = revision.operation();
      out.append(String.format("%-8d %-20s %-16s %-22s %-12s %-20s %-12s %s%n", revision.revision(),
          abbreviateTime(revision.updated()), revision.status(), revision.chart(),
          entry == null ? "-" : entry.who(), entry == null ? "-" : entry.when(),
          entry == null || entry.commit() == null ? "-" : shortCommit(entry.commit()),
          revision.description()));
    }
    return out.toString().stripTrailing();
  }

  static String statusJson(ReleaseState status) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", "chartfactory.dev/status/v1");
    root.put("release", status.release());
    root.put("namespace", status.namespace());
    root.put("revision", status.revision());
    root.put("status", status.status());
    root.put("description", status.description());
    root.put("operation", operation(status.operation()));
    return write(root);
  }

  static String historyJson(ReleaseHistory history) {
    List<Object> entries = new ArrayList<>();
    for (ReleaseHistory.Revision revision : history.revisions()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("revision", revision.revision());
      entry.put("updated", revision.updated());
      entry.put("status", revision.status());
      entry.put("chart", revision.chart());
      entry.put("appVersion", revision.appVersion());
      entry.put("description", revision.description());
      entry.put("operation", operation(revision.operation()));
      entries.add(entry);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", "chartfactory.dev/history/v1");
    root.put("release", history.release());
    root.put("namespace", history.namespace());
    root.put("revisions", entries);
    return write(root);
  }

  private static Map<String, Object> operation(ReleaseOperation record) {
    if (record == null) {
      return null;
    }
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("operation", record.operation());
    operation.put("environment", record.environment());
    operation.put("who", record.who());
    operation.put("when", record.when());
    operation.put("commit", record.commit());
    return operation;
  }

  private static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private static String abbreviateTime(String updated) {
    return updated.length() > 19 ? updated.substring(0, 19) : updated;
  }

  private static String write(Object value) {
    return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
  }
}
