package dev.chartfactory.core.helm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One entry of {@code helm history -o json}:
 *
 * <pre>{@code
 * [{"revision": 1, "updated": "2026-11-23T14:01:21.5+00:00", "status": "superseded",
 *   "chart": "platform-0.1.0", "app_version": "0.1.0", "description": "Install complete"}]
 * }</pre>
 */
public record ReleaseRevision(int revision, String updated, String status, String chart,
    String appVersion, String description) {

  /** Parses Helm's JSON array, oldest revision first. */
  public static List<ReleaseRevision> parseHistory(String json) {
    try {
      JsonNode root = ReleaseStatus.JSON.readTree(json);
      if (!root.isArray()) {
        throw new HelmException("helm history printed JSON that is not a list: "
            + ReleaseStatus.abbreviate(json));
      }
      List<ReleaseRevision> revisions = new ArrayList<>();
      for (JsonNode entry : root) {
        revisions.add(new ReleaseRevision(entry.path("revision").asInt(),
            entry.path("updated").asString(""), entry.path("status").asString(""),
            entry.path("chart").asString(""), entry.path("app_version").asString(""),
            entry.path("description").asString("")));
      }
      revisions.sort(Comparator.comparingInt(ReleaseRevision::revision));
      return List.copyOf(revisions);
    } catch (JacksonException e) {
      throw new HelmException("helm history printed something that is not JSON: "
          + ReleaseStatus.abbreviate(json));
    }
  }
}
