package dev.chartfactory.core.helm;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What {@code helm status -o json} says about a release: its current revision and state.
 *
 * <pre>{@code
 * {"name": "platform", "namespace": "platform", "version": 4,
 *  "info": {"status": "pending-upgrade", "description": "Preparing upgrade", ...}, ...}
 * }</pre>
 *
 * @param status Helm's state: {@code deployed}, {@code failed}, {@code pending-upgrade}, …
 */
public record ReleaseStatus(String name, String namespace, int revision, String status,
    String description) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Parses Helm's JSON; a shape it does not know is a {@link HelmException}. */
  public static ReleaseStatus parse(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      JsonNode info = root.path("info");
      if (!root.path("version").isNumber() || !info.path("status").isString()) {
        throw new HelmException("helm status printed JSON without version and info.status: "
            + abbreviate(json));
      }
      return new ReleaseStatus(root.path("name").asString(""), root.path("namespace").asString(""),
          root.path("version").asInt(), info.path("status").asString(),
          info.path("description").asString(""));
    } catch (JacksonException e) {
      throw new HelmException("helm status printed something that is not JSON: " + abbreviate(json));
    }
  }

  /** A previous install, upgrade or rollback has not finished (or its helm process died). */
  public boolean pending() {
    return status.startsWith("pending-");
  }

  static String abbreviate(String text) {
    String stripped = text.strip();
    return stripped.length() <= 200 ? stripped : stripped.substring(0, 200) + "…";
  }
}
