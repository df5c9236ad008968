package dev.chartfactory.cli;

import dev.chartfactory.core.helm.ReleaseRevision;
import dev.chartfactory.core.helm.ReleaseStatus;
import dev.chartfactory.core.ops.OperationRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code status --output json} and {@code history --output json}: Helm's view of the release
 * joined with the operation log's who/when/commit, with stable field names (documented in
 * docs/operations.md); {@code operation} is null where the log has no entry for a revision.
 */
final class ReleaseFormats {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReleaseFormats() {}

  static String status(ReleaseStatus status, OperationRecord operation) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", "chartfactory.dev/status/v1");
    root.put("release", status.name());
    root.put("namespace", status.namespace());
    root.put("revision", status.revision());
    root.put("status", status.status());
    root.put("description", status.description());
    root.put("operation", operation(operation));
    return write(root);
  }

  static String history(String release, String namespace, List<ReleaseRevision> revisions,
      Map<Integer, OperationRecord> operations) {
    List<Object> entries = new ArrayList<>();
    for (ReleaseRevision revision : revisions) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("revision", revision.revision());
      entry.put("updated", revision.updated());
      entry.put("status", revision.status());
      entry.put("chart", revision.chart());
      entry.put("appVersion", revision.appVersion());
      entry.put("description", revision.description());
      entry.put("operation", operation(operations.get(revision.revision())));
      entries.add(entry);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", "chartfactory.dev/history/v1");
    root.put("release", release);
    root.put("namespace", namespace);
    root.put("revisions", entries);
    return write(root);
  }

  private static Map<String, Object> operation(OperationRecord record) {
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

  private static String write(Object value) {
    return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
  }
}
