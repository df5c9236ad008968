package dev.chartfactory.core.check;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.chartfactory.core.Workers;
import dev.chartfactory.core.error.InternalException;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.spec.BlueprintParams;
import dev.chartfactory.core.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a spec file against its published JSON Schema and turns every violation into a
 * {@link Problem} that names the line of the spec, the field, what is wrong and what was
 * expected. The schemas are the same files editors use for autocompletion.
 */
public final class SchemaChecker {

  static final String SCHEMA_BASE = "https://chartfactory.dev/schemas/";
  private static final String[] SCHEMA_FILES = {
    "common.schema.json", "factory.schema.json", "environment.schema.json",
    "app.schema.json", "instance.schema.json"
  };

  private final Map<SpecKind, Schema> schemas = new EnumMap<>(SpecKind.class);
  private final Map<String, JsonNode> rawSchemas = new HashMap<>();

  public SchemaChecker() {
    ObjectMapper mapper = new ObjectMapper();
    for (String file : SCHEMA_FILES) {
      rawSchemas.put(file, mapper.readTree(readResource(file)));
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    for (SpecKind kind : SpecKind.values()) {
      schemas.put(kind, registry.getSchema(SchemaLocation.of(SCHEMA_BASE + kind.schemaFile())));
    }
  }

  /**
   * Compiles the schemas on a background thread; {@code get()} waits for them. In a fresh JVM
   * compiling takes a few hundred milliseconds, which then overlap with listing and parsing the
   * spec files (the loader needs the schemas only after parsing).
   */
  public static Supplier<SchemaChecker> compiling() {
    CompletableFuture<SchemaChecker> compiled =
        CompletableFuture.supplyAsync(SchemaChecker::new, Workers.threadPerTask("factory-schemas"));
    return () -> Workers.join(compiled);
  }

  private static String readResource(String file) {
    try (InputStream in = SchemaChecker.class.getResourceAsStream("/schemas/" + file)) {
      if (in == null) {
        throw new InternalException("schema resource missing from the build: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InternalException("cannot read schema " + file + " from the build", e);
    }
  }

  /** All schema violations of {@code document}, which was read as a spec of {@code kind}. */
  public List<Problem> check(SpecKind kind, YamlNode document) {
    JsonNode json = toJson(document);
    List<Error> errors = schemas.get(kind).validate(json);
    Set<Problem> problems = new LinkedHashSet<>();
    for (Error error : errors) {
      problems.add(toProblem(error, document, Map.of()));
    }
    return List.copyOf(problems);
  }

  // --- blueprint parameters (#15) ---
  /**
   * Problems of a component's {@code params} (the node under {@code field}) against the params
   * schema its type's blueprint declares; an undeclared param is an error with a hint, whatever
   * the schema says about additional properties.
   */
  public List<Problem> checkParams(BlueprintParams declared, YamlNode params, String field) {
    ObjectNode schema = ((ObjectNode) declared.schema()).deepCopy();
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    schema.remove("$id");
    schema.remove("$schema");
    String file = declared.type() + ".params.schema.json";
    Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of(SCHEMA_BASE + "params/" + file), schema);
    Set<Problem> problems = new LinkedHashSet<>();
    for (Error error : compiled.validate(toJson(params))) {
      Problem problem = toProblem(error, params, Map.of(file, schema));
      problems.add(new Problem(problem.location(), problem.field().isEmpty() ? field : field + "." + problem.field(),
          problem.message().replaceFirst("^unknown field", "unknown param"), problem.hint()));
    }
    return List.copyOf(problems);
  }
  // --- end blueprint parameters ---

  private Problem toProblem(Error error, YamlNode document, Map<String, JsonNode> extraSchemas) {
    List<Object> path = elements(error.getInstanceLocation());
    YamlNode node = find(document, path);
    SourceLocation at = node == null ? document.location() : node.location();
    String field = dotted(path);
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode parentSchema = parentSchema(error.getSchemaLocation(), extraSchemas);
    switch (keyword) {
      case "additionalProperties", "unevaluatedProperties" -> {
        String property = error.getProperty();
        if (node instanceof YamlNode.Mapping map && map.entries().containsKey(property)) {
          at = map.entries().get(property).keyLocation();
        }
        Set<String> allowed = propertyNames(parentSchema);
        String message = "unknown field"
            + (allowed.isEmpty() ? "" : " (expected one of: " + String.join(", ", allowed) + ")");
        return new Problem(at, append(field, property), message, Suggestions.hint(property, allowed));
      }
      case "required" -> {
        return Problem.at(at, append(field, error.getProperty()), "is required but missing");
      }
      case "type" -> {
        return Problem.at(at, field, show(node) + " is " + kindOf(node)
            + " (expected " + expectedType(error.getSchemaNode()) + ")");
      }
      case "enum", "const" -> {
        List<String> allowed = new ArrayList<>();
        JsonNode values = error.getSchemaNode();
        if (values != null && values.isArray()) {
          values.forEach(v -> allowed.add(v.asString()));
        } else if (values != null) {
          allowed.add(values.asString());
        }
        String value = node instanceof YamlNode.Scalar s ? s.text() : "";
        return new Problem(at, field, show(node) + " is not allowed (expected "
            + (allowed.size() == 1 ? allowed.get(0) : "one of: " + String.join(", ", allowed)) + ")",
            Suggestions.hint(value, allowed));
      }
      case "pattern", "propertyNames" -> {
        JsonNode described = parentSchema;
        if ("propertyNames".equals(keyword) && parentSchema != null && parentSchema.has("propertyNames")) {
          described = parentSchema.get("propertyNames");
          if (described.has("$ref")) {
            described = resolveRef(described.get("$ref").asString());
          }
        }
        String description = described != null && described.has("description")
            ? described.get("description").asString() : "pattern " + error.getSchemaNode();
        if ("propertyNames".equals(keyword) && error.getProperty() != null) {
          if (node instanceof YamlNode.Mapping map && map.entries().containsKey(error.getProperty())) {
            at = map.entries().get(error.getProperty()).keyLocation();
          }
          if (described != null && described.has("enum")) {
            List<String> allowed = new ArrayList<>();
            described.get("enum").forEach(v -> allowed.add(v.asString()));
            return new Problem(at, append(field, error.getProperty()), "'" + error.getProperty()
                + "' is not allowed here (expected one of: " + String.join(", ", allowed) + ")",
                Suggestions.hint(error.getProperty(), allowed));
          }
          return Problem.at(at, append(field, error.getProperty()), "'" + error.getProperty()
              + "' is not a valid name (expected " + lowerFirst(description) + ")");
        }
        return Problem.at(at, field, show(node) + " is not valid (expected " + lowerFirst(description) + ")");
      }
      case "minimum", "maximum" -> {
        String min = parentSchema != null && parentSchema.has("minimum") ? parentSchema.get("minimum").asString() : "";
        String max = parentSchema != null && parentSchema.has("maximum") ? parentSchema.get("maximum").asString() : "";
        return Problem.at(at, field, show(node) + " is out of range (expected " + min + "-" + max + ")");
      }
      case "maxLength" -> {
        return Problem.at(at, field, show(node) + " is too long (expected at most "
            + error.getSchemaNode() + " characters)");
      }
      case "minLength" -> {
        String text = node instanceof YamlNode.Scalar scalar ? scalar.text() : "";
        return Problem.at(at, field, (text.isEmpty() ? "is empty" : show(node) + " is too short")
            + " (expected at least " + error.getSchemaNode() + " characters)");
      }
      case "minItems", "minProperties" -> {
        return Problem.at(at, field, "is empty (expected at least " + error.getSchemaNode()
            + " entry)");
      }
      case "not" -> {
        return Problem.at(at, field, "namespace and namespacePrefix cannot both be set"
            + " (expected one of them: one shared namespace, or one namespace per app)");
      }
      default -> {
        return Problem.at(at, field, error.getMessage().replaceFirst("^\\S+: ", ""));
      }
    }
  }

  private static String lowerFirst(String text) {
    String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return trimmed.isEmpty() ? trimmed : Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
  }

  private static String show(YamlNode node) {
    if (node instanceof YamlNode.Scalar scalar) {
      String text = scalar.text().length() > 80 ? scalar.text().substring(0, 77) + "..." : scalar.text();
      return scalar.type() == YamlNode.ScalarType.STRING ? "\"" + text + "\"" : text;
    }
    return "the value";
  }

  private static String kindOf(YamlNode node) {
    return node == null ? "missing" : node.kindName();
  }

  private static String expectedType(JsonNode typeNode) {
    if (typeNode == null) {
      return "another type";
    }
    List<String> names = new ArrayList<>();
    if (typeNode.isArray()) {
      typeNode.forEach(t -> names.add(article(t.asString())));
    } else {
      names.add(article(typeNode.asString()));
    }
    return String.join(" or ", names);
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a map";
      case "array" -> "a list";
      case "integer" -> "an integer";
      default -> "a " + type;
    };
  }

  private Set<String> propertyNames(JsonNode schema) {
    Set<String> names = new java.util.TreeSet<>();
    if (schema != null && schema.has("properties")) {
      Iterator<String> it = schema.get("properties").propertyNames().iterator();
      it.forEachRemaining(names::add);
    }
    return names;
  }

  /** A {@code $ref} of our schemas as written, e.g. {@code common.schema.json#/$defs/dnsLabel}. */
  private JsonNode resolveRef(String ref) {
    int hash = ref.indexOf('#');
    String file = hash <= 0 ? "app.schema.json" : ref.substring(0, hash);
    JsonNode node = rawSchemas.get(file);
    for (String part : ref.substring(hash + 1).split("/")) {
      if (!part.isEmpty() && node != null) {
        node = node.get(part);
      }
    }
    return node;
  }

  /** The schema object that holds the failing keyword, found in our own schema files. */
  private JsonNode parentSchema(SchemaLocation location, Map<String, JsonNode> extraSchemas) {
    if (location == null) {
      return null;
    }
    String text = location.toString();
    int hash = text.indexOf('#');
    String file = text.substring(0, hash < 0 ? text.length() : hash);
    file = file.substring(file.lastIndexOf('/') + 1);
    JsonNode node = rawSchemas.containsKey(file) ? rawSchemas.get(file) : extraSchemas.get(file);
    if (node == null || hash < 0) {
      return node;
    }
    String[] parts = text.substring(hash + 1).split("/");
    // The last part is the keyword itself; walk to its parent.
    for (int i = 0; i < parts.length - 1 && node != null; i++) {
      if (parts[i].isEmpty()) {
        continue;
      }
      String part = parts[i].replace("~1", "/").replace("~0", "~");
      node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
    }
    return node;
  }

  private static List<Object> elements(NodePath path) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.add(path.getElement(i));
    }
    return out;
  }

  private static YamlNode find(YamlNode root, List<Object> path) {
    YamlNode node = root;
    for (Object element : path) {
      if (node instanceof YamlNode.Mapping map && element instanceof String key) {
        node = map.get(key);
      } else if (node instanceof YamlNode.Sequence seq && element instanceof Integer index
          && index < seq.items().size()) {
        node = seq.items().get(index);
      } else {
        return node;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static String dotted(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object element : path) {
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(element);
      }
    }
    return out.toString();
  }

  private static String append(String field, String property) {
    if (property == null) {
      return field;
    }
    return field.isEmpty() ? property : field + "." + property;
  }

  /** Converts a located YAML tree to Jackson's tree for the validator. */
  static JsonNode toJson(YamlNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (node instanceof YamlNode.Mapping map) {
      ObjectNode object = nodes.objectNode();
      map.entries().forEach((key, entry) -> object.set(key, toJson(entry.value())));
      return object;
    }
    if (node instanceof YamlNode.Sequence seq) {
      ArrayNode array = nodes.arrayNode();
      seq.items().forEach(item -> array.add(toJson(item)));
      return array;
    }
    YamlNode.Scalar scalar = (YamlNode.Scalar) node;
    String text = scalar.text();
    try {
      return switch (scalar.type()) {
        case NULL -> nodes.nullNode();
        case BOOLEAN -> nodes.booleanNode(isTrue(text));
        case INTEGER -> nodes.numberNode(new BigInteger(text.replace("_", "")));
        case FLOAT -> nodes.numberNode(new BigDecimal(text.replace("_", "")));
        case STRING -> nodes.stringNode(text);
      };
    } catch (NumberFormatException e) {
      return nodes.stringNode(text);
    }
  }

  static boolean isTrue(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on", "y" -> true;
      default -> false;
    };
  }
}
