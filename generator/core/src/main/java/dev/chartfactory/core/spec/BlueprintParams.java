package dev.chartfactory.core.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The parameters a user blueprint declares for the components of its type, as a JSON Schema
 * in {@code templates/<type>/params.schema.json}:
 *
 * <pre>{@code
 * {
 *   "properties": {
 *     "metricsPort": {"type": "integer", "minimum": 1024, "default": 9090,
 *                     "description": "Port the exporter sidecar listens on."},
 *     "tier": {"enum": ["frontend", "backend"]}
 *   },
 *   "required": ["tier"]
 * }
 * }</pre>
 *
 * Components of that type set them under {@code params:}; a param the schema does not declare is
 * an error (the schema is read with {@code additionalProperties: false}).
 *
 * @param type the component type whose blueprints declare them
 * @param file the schema's path in the config repo
 * @param schema the parsed schema, or null when {@code problem} says why it could not be read
 * @param problem why the file is not a usable schema, or null
 * @param problemLine the line {@code problem} is at, or 0
 */
public record BlueprintParams(String type, String file, JsonNode schema, String problem, int problemLine) {

  /** The file name below {@code templates/<type>/}. */
  public static final String FILE_NAME = "params.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The declarations among a config repo's template files, by component type. */
  public static SortedMap<String, BlueprintParams> declaredIn(Map<String, String> templateOverrides) {
    SortedMap<String, BlueprintParams> declared = new TreeMap<>();
    templateOverrides.forEach((path, text) -> {
      int slash = path.indexOf('/');
      if (slash > 0 && path.substring(slash + 1).equals(FILE_NAME)) {
        String type = path.substring(0, slash);
        String file = RepoLayout.TEMPLATES + "/" + path;
        declared.put(type, parse(type, file, text));
      }
    });
    return declared;
  }

  private static BlueprintParams parse(String type, String file, String text) {
    try {
      JsonNode schema = JSON.readTree(text);
      if (!schema.isObject() || (schema.has("properties") && !schema.get("properties").isObject())) {
        return new BlueprintParams(type, file, null,
            "is not a JSON Schema of an object (expected {\"properties\": {\"<param>\": {...}}})", 1);
      }
      return new BlueprintParams(type, file, schema, null, 0);
    } catch (JacksonException e) {
      String why = e.getOriginalMessage().replaceAll("\\s*\\(start marker.*", "").replaceAll("\\s+", " ");
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      return new BlueprintParams(type, file, null, "is not valid JSON: " + why, line);
    }
  }

  /** Each declared param's {@code default}, where it has one, in declaration order. */
  public Map<String, Object> defaults() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    if (schema != null && schema.has("properties")) {
      schema.get("properties").properties().forEach(entry -> {
        if (entry.getValue().has("default")) {
          defaults.put(entry.getKey(), JSON.convertValue(entry.getValue().get("default"), Object.class));
        }
      });
    }
    return defaults;
  }
}
