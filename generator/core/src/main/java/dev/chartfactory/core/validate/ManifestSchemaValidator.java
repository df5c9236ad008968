package dev.chartfactory.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.chartfactory.core.error.InternalException;
import dev.chartfactory.core.error.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates rendered Kubernetes objects, offline, against the JSON Schema of their
 * {@code apiVersion} and {@code kind}: core Kubernetes 1.30, Gateway API v1.0 and cert-manager v1
 * (see {@code kube-schemas/README.md} for where the schemas come from).
 *
 * <p>Strict like the API server with field validation on: unknown fields, wrong types, missing
 * required fields and malformed quantities are violations, and so is an object whose kind has no
 * schema, unless it is on the list of {@linkplain #UNVALIDATED known but unvalidated kinds}.
 *
 * <p>Build one and share it: it is thread-safe, and compiles each kind's schema once, on first use.
 * <pre>{@code
 * ManifestSchemaValidator validator = new ManifestSchemaValidator();
 * List<ManifestViolation> problems = validator.validateYaml(helmTemplateOutput);
 * }</pre>
 */
public final class ManifestSchemaValidator {

  /** What the bundled schemas describe, as {@code factory --version} prints it. */
  public static final String SCHEMA_VERSIONS = "Kubernetes 1.30, Gateway API v1.0, cert-manager v1";

  /**
   * Kinds we know but do not validate, with the reason. Their CRDs ship with their controllers,
   * not in a package this build can reach; an empty list of violations means "not checked" here.
   */
  public static final Map<String, String> UNVALIDATED = Map.of(
      "argoproj.io/v1alpha1 Application", "Argo CD CRD: no pinned schema package available offline",
      "argoproj.io/v1alpha1 AppProject", "Argo CD CRD: no pinned schema package available offline",
      "argoproj.io/v1alpha1 ApplicationSet", "Argo CD CRD: no pinned schema package available offline",
      "helm.toolkit.fluxcd.io/v2 HelmRelease", "Flux CRD: no pinned schema package available offline",
      "helm.toolkit.fluxcd.io/v2beta2 HelmRelease", "Flux CRD: no pinned schema package available offline",
      "source.toolkit.fluxcd.io/v1 GitRepository", "Flux CRD: no pinned schema package available offline",
      "source.toolkit.fluxcd.io/v1 HelmRepository", "Flux CRD: no pinned schema package available offline",
      "kustomize.toolkit.fluxcd.io/v1 Kustomization", "Flux CRD: no pinned schema package available offline");

  private static final String BASE = "https://chartfactory.dev/kube-schemas/";
  private static final String QUANTITY_DEFINITION = "kubernetes_resource_Quantity";

  private final SchemaRegistry registry;
  private final ObjectNode definitions;
  /** {@code "apiVersion kind"} to definition name. */
  private final Map<String, String> index;
  private final Map<String, String> unvalidated;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  /** A validator with the bundled schemas and the default {@link #UNVALIDATED} list. */
  public ManifestSchemaValidator() {
    this(Map.of());
  }

  /**
   * A validator that also skips {@code moreUnvalidated} ({@code "apiVersion kind"} to reason),
   * e.g. {@code "monitoring.coreos.com/v1 ServiceMonitor"} for a cluster with Prometheus Operator.
   */
  public ManifestSchemaValidator(Map<String, String> moreUnvalidated) {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = mapper.readTree(readResource("kube-definitions.json"));
    this.definitions = (ObjectNode) root.get("definitions");
    Map<String, String> kinds = new TreeMap<>();
    mapper.readTree(readResource("kube-index.json")).properties()
        .forEach(e -> kinds.put(e.getKey(), e.getValue().asString()));
    this.index = Map.copyOf(kinds);
    Map<String, String> skip = new TreeMap<>(UNVALIDATED);
    skip.putAll(moreUnvalidated);
    this.unvalidated = Map.copyOf(skip);
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  }

  private static byte[] readResource(String file) {
    try (InputStream in = ManifestSchemaValidator.class.getResourceAsStream("/kube-schemas/" + file)) {
      if (in == null) {
        throw new InternalException("kube-schemas/" + file + " is missing from the classpath;"
            + " it is generated by the build (mvn process-classes), perhaps you ran the tests from an IDE"
            + " without a Maven build first?");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new InternalException("cannot read kube-schemas/" + file + " from the build", e);
    }
  }

  /** The {@code "apiVersion kind"} pairs this validator has a schema for, sorted. */
  public Set<String> knownKinds() {
    return new TreeSet<>(index.keySet());
  }

  /** Whether objects of this kind are known and deliberately not validated. */
  public boolean isUnvalidated(String apiVersion, String kind) {
    return unvalidated.containsKey(apiVersion + " " + kind);
  }

  /** Violations of one object, as SnakeYAML parsed it; no source template. */
  public List<ManifestViolation> validate(Map<String, Object> manifest) {
    return validate(null, manifest);
  }

  /** Violations of one object that {@code source} (a template path, or null) rendered. */
  public List<ManifestViolation> validate(String source, Map<String, Object> manifest) {
    Object kindValue = manifest.get("kind");
    Object apiValue = manifest.get("apiVersion");
    String kind = kindValue instanceof String s ? s : null;
    String name = nameOf(manifest);
    if (!(apiValue instanceof String apiVersion) || kind == null) {
      List<ManifestViolation> out = new ArrayList<>();
      if (!(apiValue instanceof String)) {
        out.add(new ManifestViolation(source, kind, name, "apiVersion",
            "missing required field \"apiVersion\" (a string, e.g. apps/v1)", render(apiValue)));
      }
      if (kind == null) {
        out.add(new ManifestViolation(source, kind, name, "kind",
            "missing required field \"kind\" (a string, e.g. Deployment)", render(kindValue)));
      }
      return List.copyOf(out);
    }
    String key = apiVersion + " " + kind;
    String definition = index.get(key);
    if (definition == null) {
      if (unvalidated.containsKey(key)) {
        return List.of();
      }
      return List.of(new ManifestViolation(source, kind, name, "",
          "no schema for kind " + kind + " in apiVersion " + apiVersion + knownVersions(kind), null));
    }
    Schema schema = compiled.computeIfAbsent(definition, this::compile);
    List<Error> errors = schema.validate(toJson(manifest));
    if (errors.isEmpty()) {
      return List.of();
    }
    Map<String, ManifestViolation> out = new LinkedHashMap<>();
    for (Error error : errors) {
      ManifestViolation violation = toViolation(source, kind, name, error);
      out.putIfAbsent(violation.path() + "\n" + violation.message(), violation);
    }
    return List.copyOf(out.values());
  }

  /**
   * Violations of every object in {@code helm template} output: YAML documents separated by
   * {@code ---}, each named by a {@code # Source: chart/templates/x.yaml} comment. Documents
   * that hold only comments are skipped; one that is not a YAML mapping is a violation.
   */
  public List<ManifestViolation> validateYaml(String multiDocument) {
    return validate(RenderedObjects.documents(multiDocument));
  }

  /** Violations of documents already read with {@link RenderedObjects#documents}. */
  public List<ManifestViolation> validate(List<RenderedObjects.Document> documents) {
    List<ManifestViolation> out = new ArrayList<>();
    for (RenderedObjects.Document document : documents) {
      if (document.error() != null) {
        out.add(new ManifestViolation(document.source(), null, null, "", "not valid YAML: " + document.error(), null));
      } else if (document.object() == null) {
        out.add(new ManifestViolation(document.source(), null, null, "",
            "expected a Kubernetes object (a YAML mapping), got " + typeName(document.parsed()),
            render(document.parsed())));
      } else {
        out.addAll(validate(document.source(), document.object()));
      }
    }
    return List.copyOf(out);
  }

  private Schema compile(String definition) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$ref", "#/definitions/" + definition);
    // Shared, never copied: every kind's schema refers into the same definitions tree.
    root.set("definitions", definitions);
    Schema schema = registry.getSchema(SchemaLocation.of(BASE + definition), root);
    schema.initializeValidators();
    return schema;
  }

  private String knownVersions(String kind) {
    List<String> versions = new ArrayList<>();
    for (String key : index.keySet()) {
      if (key.endsWith(" " + kind)) {
        versions.add(key.substring(0, key.length() - kind.length() - 1));
      }
    }
    if (!versions.isEmpty()) {
      return " (known apiVersions for " + kind + ": " + String.join(", ", versions) + ")";
    }
    Set<String> kinds = new TreeSet<>();
    index.keySet().forEach(k -> kinds.add(k.substring(k.indexOf(' ') + 1)));
    String hint = Suggestions.hint(kind, kinds);
    return hint == null ? "" : "; " + hint;
  }

  private ManifestViolation toViolation(String source, String kind, String name, Error error) {
    List<Object> path = elements(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode value = error.getInstanceNode();
    String message;
    switch (keyword) {
      case "additionalProperties" -> {
        path.add(error.getProperty());
        value = value == null ? null : value.get(error.getProperty());
        Collection<String> allowed = propertiesAt(error);
        String hint = Suggestions.hint(error.getProperty(), allowed);
        message = "unknown field \"" + error.getProperty() + "\"" + (hint == null ? "" : ", " + hint);
      }
      case "required" -> {
        path.add(error.getProperty());
        value = null;
        message = "missing required field \"" + error.getProperty() + "\"";
      }
      case "type" -> message = "expected " + expectedType(error.getSchemaNode()) + ", got "
          + jsonType(value);
      case "pattern" -> message = isQuantity(error)
          ? "not a valid quantity (expected a number with an optional suffix, e.g. 100m, 0.5, 128Mi, 1G)"
          : "does not match the pattern " + error.getSchemaNode().asString();
      default -> message = error.getMessage().replaceFirst("^\\S+: ", "");
    }
    return new ManifestViolation(source, kind, name, dotted(path), message,
        value == null ? null : value.toString());
  }

  private static boolean isQuantity(Error error) {
    SchemaLocation at = error.getSchemaLocation();
    return at != null && at.toString().contains(QUANTITY_DEFINITION);
  }

  /** Field names the schema that failed allows, for "did you mean". */
  private Collection<String> propertiesAt(Error error) {
    SchemaLocation at = error.getSchemaLocation();
    if (at == null) {
      return List.of();
    }
    String text = at.toString();
    int marker = text.indexOf("#/definitions/");
    if (marker < 0) {
      return List.of();
    }
    String[] parts = text.substring(marker + "#/definitions/".length()).split("/");
    JsonNode node = definitions.get(parts[0]);
    for (int i = 1; i < parts.length - 1 && node != null; i++) {
      node = node.get(parts[i].replace("~1", "/").replace("~0", "~"));
    }
    if (node == null || !node.has("properties")) {
      return List.of();
    }
    return node.get("properties").propertyNames();
  }

  private static String expectedType(JsonNode type) {
    if (type == null) {
      return "another type";
    }
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(t.asString()));
      return String.join(" or ", names);
    }
    return type.asString();
  }

  private static String jsonType(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    if (value.isString()) {
      return "string " + value;
    }
    if (value.isIntegralNumber()) {
      return "integer " + value;
    }
    if (value.isNumber()) {
      return "number " + value;
    }
    if (value.isBoolean()) {
      return "boolean " + value;
    }
    return value.isArray() ? "array" : "object";
  }

  private static String nameOf(Map<String, Object> manifest) {
    if (manifest.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") instanceof String n) {
      return n;
    }
    return null;
  }

  private static List<Object> elements(NodePath path) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.add(path.getElement(i));
    }
    return out;
  }

  private static String dotted(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object element : path) {
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        String key = String.valueOf(element);
        // Keys such as app.kubernetes.io/name would read as nested fields; quote them.
        boolean plain = key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        if (out.length() > 0 && plain) {
          out.append('.');
        }
        out.append(plain ? key : "[\"" + key + "\"]");
      }
    }
    return out.toString();
  }

  private static String render(Object value) {
    return value == null ? null : toJson(value).toString();
  }

  private static String typeName(Object value) {
    if (value instanceof List<?>) {
      return "a list";
    }
    return value instanceof String ? "a string" : "a " + value.getClass().getSimpleName().toLowerCase();
  }

  /**
   * SnakeYAML's objects as Jackson's tree. Null map values are dropped: Kubernetes treats an
   * explicit null as an unset field, and Helm templates print them often.
   */
  static JsonNode toJson(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      map.forEach((k, v) -> {
        if (v != null) {
          object.set(String.valueOf(k), toJson(v));
        }
      });
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode(list.size());
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (value instanceof String s) {
      return nodes.stringNode(s);
    }
    if (value instanceof Integer i) {
      return nodes.numberNode(i);
    }
    if (value instanceof Long l) {
      return nodes.numberNode(l);
    }
    if (value instanceof BigInteger b) {
      return nodes.numberNode(b);
    }
    if (value instanceof Double d) {
      return nodes.numberNode(d);
    }
    if (value instanceof Float f) {
      return nodes.numberNode(f);
    }
    if (value instanceof BigDecimal d) {
      return nodes.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return nodes.booleanNode(b);
    }
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof byte[] bytes) {
      return nodes.stringNode(Base64.getEncoder().encodeToString(bytes));
    }
    return nodes.stringNode(value.toString());
  }
}
