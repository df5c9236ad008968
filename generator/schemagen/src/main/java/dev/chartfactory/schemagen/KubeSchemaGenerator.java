package dev.chartfactory.schemagen;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Build step (run by factory-core's Maven build in {@code generate-resources}, never at run time;
 * this module is in no runtime jar) that turns Fabric8's loose Kubernetes JSON schemas into strict
 * ones for core's {@code ManifestSchemaValidator}.
 *
 * <p>Input, all from the build classpath of this step (pinned jars, see the pom):
 * {@code schema/validation-schema.json} of the {@code io.fabric8:kubernetes-model-*} jars and
 * {@code schema/certmanager-schema.json} of {@code io.fabric8:certmanager-model-v1}; the
 * {@code required} lists of core Kubernetes types come from the model classes of
 * {@code io.kubernetes:client-java-api} ({@code openapiRequiredFields}, generated from the
 * Kubernetes OpenAPI spec of the same minor version).
 *
 * <p>Output: {@code kube-definitions.json} (draft-07, one {@code definitions} map) and
 * {@code kube-index.json} ({@code "apiVersion kind"} to definition name).
 *
 * <p>Tightening: Fabric8's Java extras and draft-03 {@code "required": true} are dropped;
 * objects with declared properties get {@code additionalProperties: false}; Quantity,
 * IntOrString, Time and Duration become the string/number forms Kubernetes accepts; required
 * lists are added as described above (Gateway API and cert-manager: see {@link #CRD_REQUIRED}).
 */
public final class KubeSchemaGenerator {

  /** Same regex as Kubernetes' OpenAPI v3 / CRD schemas use for resource.Quantity. */
  static final String QUANTITY_PATTERN =
      "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

  private static final String CLIENT_JAVA_MODELS = "io.kubernetes.client.openapi.models.";
  private static final String FABRIC8_MODEL = "io.fabric8.kubernetes.api.model.";
  private static final Pattern VERSION = Pattern.compile("v\\d+((alpha|beta)\\d+)?");

  /**
   * Required fields of the Gateway API (v1.0.0 standard + experimental CRDs) and cert-manager
   * (v1 CRDs) types, copied from the {@code required:} lists of their CRDs' openAPIV3Schema,
   * keyed by the type's simple name. Fabric8's schemas lost them; client-java has no CRDs.
   */
  static final Map<String, List<String>> CRD_REQUIRED = Map.ofEntries(
      // gateway.networking.k8s.io
      Map.entry("gatewayapi:Gateway", List.of("spec")),
      Map.entry("gatewayapi:HTTPRoute", List.of("spec")),
      Map.entry("gatewayapi:GRPCRoute", List.of("spec")),
      Map.entry("gatewayapi:TCPRoute", List.of("spec")),
      Map.entry("gatewayapi:UDPRoute", List.of("spec")),
      Map.entry("gatewayapi:TLSRoute", List.of("spec")),
      Map.entry("gatewayapi:GatewaySpec", List.of("gatewayClassName", "listeners")),
      Map.entry("gatewayapi:Listener", List.of("name", "port", "protocol")),
      Map.entry("gatewayapi:GatewayAddress", List.of("value")),
      Map.entry("gatewayapi:RouteGroupKind", List.of("kind")),
      Map.entry("gatewayapi:SecretObjectReference", List.of("name")),
      Map.entry("gatewayapi:ParentReference", List.of("name")),
      Map.entry("gatewayapi:BackendRef", List.of("name")),
      Map.entry("gatewayapi:BackendObjectReference", List.of("name")),
      Map.entry("gatewayapi:HTTPBackendRef", List.of("name")),
      Map.entry("gatewayapi:GRPCBackendRef", List.of("name")),
      Map.entry("gatewayapi:HTTPHeaderMatch", List.of("name", "value")),
      Map.entry("gatewayapi:HTTPQueryParamMatch", List.of("name", "value")),
      Map.entry("gatewayapi:GRPCHeaderMatch", List.of("name", "value")),
      Map.entry("gatewayapi:HTTPHeader", List.of("name", "value")),
      Map.entry("gatewayapi:HTTPRouteFilter", List.of("type")),
      Map.entry("gatewayapi:GRPCRouteFilter", List.of("type")),
      Map.entry("gatewayapi:HTTPPathModifier", List.of("type")),
      Map.entry("gatewayapi:HTTPRequestMirrorFilter", List.of("backendRef")),
      Map.entry("gatewayapi:LocalObjectReference", List.of("group", "kind", "name")),
      Map.entry("gatewayapi:TCPRouteSpec", List.of("rules")),
      Map.entry("gatewayapi:UDPRouteSpec", List.of("rules")),
      Map.entry("gatewayapi:TLSRouteSpec", List.of("rules")),
      Map.entry("gatewayapi:GatewayClassSpec", List.of("controllerName")),
      Map.entry("gatewayapi:ReferenceGrantSpec", List.of("from", "to")),
      Map.entry("gatewayapi:ReferenceGrantFrom", List.of("group", "kind", "namespace")),
      Map.entry("gatewayapi:ReferenceGrantTo", List.of("group", "kind")),
      // cert-manager.io
      Map.entry("certmanager:Certificate", List.of("spec")),
      Map.entry("certmanager:Issuer", List.of("spec")),
      Map.entry("certmanager:ClusterIssuer", List.of("spec")),
      Map.entry("certmanager:CertificateSpec", List.of("issuerRef", "secretName")),
      Map.entry("certmanager:ObjectReference", List.of("name")),
      Map.entry("certmanager:SecretKeySelector", List.of("name")),
      Map.entry("certmanager:LocalObjectReference", List.of("name")),
      Map.entry("certmanager:CAIssuer", List.of("secretName")),
      Map.entry("certmanager:ACMEIssuer", List.of("privateKeySecretRef", "server")),
      Map.entry("certmanager:VaultIssuer", List.of("auth", "path", "server")),
      Map.entry("certmanager:VenafiIssuer", List.of("zone")),
      Map.entry("certmanager:CertificateAdditionalOutputFormat", List.of("type")),
      Map.entry("certmanager:JKSKeystore", List.of("create", "passwordSecretRef")),
      Map.entry("certmanager:PKCS12Keystore", List.of("create", "passwordSecretRef")));

  /**
   * Fabric8 patterns stricter than the API server: Kubernetes' IsEnvVarName allows letters,
   * digits, '_', '-' and '.', not starting with a digit (e.g. {@code log.level}).
   */
  private static final Map<String, String> PATTERN_FIXES = Map.of(
      "kubernetes_core_EnvVar/name", "^[-._a-zA-Z][-._a-zA-Z0-9]*$");

  /** Definitions that are free-form in Kubernetes too; they stay open. */
  private static final Set<String> OPEN_JAVA_TYPES = Set.of(
      FABRIC8_MODEL + "runtime.RawExtension", FABRIC8_MODEL + "FieldsV1",
      FABRIC8_MODEL + "apiextensions.v1.JSON", FABRIC8_MODEL + "apiextensions.v1.JSONSchemaProps",
      FABRIC8_MODEL + "KubernetesResource", FABRIC8_MODEL + "HasMetadata");

  /** Kinds a newer API version serves with the same shape as an older one fabric8 knows. */
  private static final Map<String, String> ALIASES = Map.of(
      "gateway.networking.k8s.io/v1 GRPCRoute", "gateway.networking.k8s.io/v1alpha2 GRPCRoute");

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Map<String, ObjectNode> definitions = new TreeMap<>();
  private final Map<String, String> defByJavaType = new TreeMap<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<String> unmatched = new TreeSet<>();
  /** Fabric8 Java types that Kubernetes 1.30 still serves (client-java has a model for them). */
  private final Set<String> served = new TreeSet<>();
  private final Set<String> retired = new TreeSet<>();
  private int matched;

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: KubeSchemaGenerator <output dir>");
    }
    new KubeSchemaGenerator().generate(Path.of(args[0]));
  }

  void generate(Path out) throws IOException {
    ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    int sources = 0;
    for (String resource : List.of("schema/validation-schema.json", "schema/certmanager-schema.json")) {
      Enumeration<URL> urls = loader.getResources(resource);
      while (urls.hasMoreElements()) {
        try (InputStream in = urls.nextElement().openStream()) {
          JsonNode schema = mapper.readTree(in);
          // A jar repeats the definitions it borrows from other jars; prefer the owner's copy.
          schema.get("definitions").properties().forEach(e -> {
            ObjectNode known = definitions.get(e.getKey());
            if (known == null || !known.has("javaType") && e.getValue().has("javaType")) {
              definitions.put(e.getKey(), (ObjectNode) e.getValue().deepCopy());
            }
          });
          sources++;
        }
      }
    }
    if (sources == 0) {
      throw new IllegalStateException("no fabric8 schema/*.json on the classpath of this build step");
    }
    definitions.forEach((name, def) -> defByJavaType.putIfAbsent(javaType(def), name));

    Map<String, String> index = new TreeMap<>();
    Map<String, ObjectNode> strict = new TreeMap<>();
    for (Map.Entry<String, ObjectNode> entry : definitions.entrySet()) {
      String name = entry.getKey();
      ObjectNode def = entry.getValue();
      String javaType = javaType(def);
      List<String> required = requiredFields(name, javaType, def);
      ObjectNode tight = special(javaType);
      if (tight == null) {
        tight = (ObjectNode) tighten(def, OPEN_JAVA_TYPES.contains(javaType));
        addRequired(tight, required);
        for (Map.Entry<String, String> fix : PATTERN_FIXES.entrySet()) {
          String[] at = fix.getKey().split("/");
          if (at[0].equals(name)) {
            ((ObjectNode) tight.get("properties").get(at[1])).put("pattern", fix.getValue());
          }
        }
      }
      strict.put(name, tight);
      JsonNode props = def.get("properties");
      if (props != null && props.has("apiVersion") && props.has("kind")
          && props.get("kind").has("default") && props.get("apiVersion").has("default")
          && !props.get("kind").get("default").asString().endsWith("List")) {
        String key = props.get("apiVersion").get("default").asString() + " "
            + props.get("kind").get("default").asString();
        boolean crd = name.startsWith("kubernetes_sigs_gatewayapi_") || name.startsWith("github_com_cert-manager_");
        if (crd || served.contains(javaType)) {
          index.putIfAbsent(key, name);
        } else {
          // Fabric8 still models versions Kubernetes 1.30 no longer serves (policy/v1beta1 ...):
          // an object using one must be reported, so it gets no schema.
          retired.add(key);
        }
      }
    }
    ALIASES.forEach((alias, target) -> {
      if (index.containsKey(target)) {
        index.putIfAbsent(alias, index.get(target));
      }
    });

    checkRequired(strict, "kubernetes_core_Container", "name");
    checkRequired(strict, "kubernetes_core_ServicePort", "port");
    checkRequired(strict, "kubernetes_apps_DeploymentSpec", "selector", "template");
    checkRequired(strict, "kubernetes_sigs_gatewayapi_v1_Listener", "name", "port", "protocol");
    checkRequired(strict, "github_com_cert-manager_cert-manager_pkg_apis_certmanager_v1_CertificateSpec",
        "issuerRef", "secretName");

    ObjectNode root = nodes.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$comment", "Generated by KubeSchemaGenerator from pinned Maven artifacts; do not edit.");
    ObjectNode defs = root.putObject("definitions");
    strict.forEach(defs::set);
    ObjectNode indexNode = nodes.objectNode();
    index.forEach(indexNode::put);

    Path dir = out.resolve("kube-schemas");
    Files.createDirectories(dir);
    // Compact output: the file is read by a machine; its size matters more than its looks.
    Files.writeString(dir.resolve("kube-definitions.json"), new ObjectMapper().writeValueAsString(root));
    Files.writeString(dir.resolve("kube-index.json"), mapper.writeValueAsString(indexNode));
    // One line per build; -Dkube-schemas.verbose=true lists the gaps.
    System.out.printf(Locale.ROOT, "[kube-schemas] %d sources, %d definitions, %d kinds,"
        + " %d required lists from client-java; %d types without one, %d kinds not served by 1.30"
        + " left out -> %s%n",
        sources, strict.size(), index.size(), matched, unmatched.size(), retired.size(), dir);
    if (Boolean.getBoolean("kube-schemas.verbose")) {
      unmatched.forEach(n -> System.out.println("[kube-schemas] no client-java model for " + n));
      retired.forEach(n -> System.out.println("[kube-schemas] not served by Kubernetes 1.30: " + n));
      new TreeSet<>(notes).forEach(n -> System.out.println("[kube-schemas] " + n));
    }
  }

  /** Fails the build when a source stopped providing what the validator relies on. */
  private static void checkRequired(Map<String, ObjectNode> strict, String definition, String... fields) {
    ObjectNode def = strict.get(definition);
    Set<String> required = new TreeSet<>();
    if (def != null && def.has("required")) {
      def.get("required").forEach(f -> required.add(f.asString()));
    }
    if (!required.containsAll(List.of(fields))) {
      throw new IllegalStateException("generated schema " + definition + " requires " + required
          + ", expected at least " + List.of(fields) + "; did a pinned schema jar change?");
    }
  }

  private static String javaType(JsonNode def) {
    return def.has("javaType") ? def.get("javaType").asString()
        : def.has("existingJavaType") ? def.get("existingJavaType").asString() : "";
  }

  /** Replacement for types whose JSON form differs from their Java form. */
  private ObjectNode special(String javaType) {
    switch (javaType) {
      case FABRIC8_MODEL + "Quantity" -> {
        ObjectNode q = nodes.objectNode();
        q.set("type", nodes.arrayNode().add("string").add("number"));
        q.put("pattern", QUANTITY_PATTERN);
        q.put("description", "a Kubernetes quantity, e.g. 100m, 0.5, 128Mi, 1G");
        return q;
      }
      case FABRIC8_MODEL + "IntOrString" -> {
        ObjectNode n = nodes.objectNode();
        n.set("type", nodes.arrayNode().add("integer").add("string"));
        return n;
      }
      case FABRIC8_MODEL + "Time", FABRIC8_MODEL + "MicroTime", FABRIC8_MODEL + "Duration",
          "java.lang.String" -> {
        ObjectNode n = nodes.objectNode();
        n.put("type", "string");
        return n;
      }
      default -> {
        return null;
      }
    }
  }

  /** A strict copy of a fabric8 schema node. */
  private JsonNode tighten(JsonNode node, boolean open) {
    if (node.isArray()) {
      ArrayNode copy = nodes.arrayNode();
      node.forEach(item -> copy.add(tighten(item, open)));
      return copy;
    }
    if (!node.isObject()) {
      return node.deepCopy();
    }
    ObjectNode copy = nodes.objectNode();
    String existing = node.has("existingJavaType") ? node.get("existingJavaType").asString() : null;
    if (existing != null && !node.has("$ref") && !node.has("type")) {
      // e.g. cert-manager's metadata: only a Java type, no schema. Point it at the known one.
      ObjectNode replaced = special(existing);
      if (replaced != null) {
        return replaced;
      }
      if ("java.lang.String".equals(existing)) {
        return copy.put("type", "string");
      }
      String def = defByJavaType.get(existing);
      if (def != null) {
        copy.put("$ref", "#/definitions/" + def);
        return copy;
      }
      notes.add("left open (no schema for Java type " + existing + ")");
      return copy;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      switch (key) {
        case "javaType", "javaInterfaces", "existingJavaType", "javaOmitEmpty", "$module", "id",
            "resources", "default", "javaEnumNames" -> { }
        case "required" -> {
          if (value.isArray()) {
            copy.set(key, value.deepCopy());
          }
        }
        case "properties" -> {
          ObjectNode props = copy.putObject("properties");
          value.properties().forEach(p -> props.set(p.getKey(), tighten(p.getValue(), false)));
        }
        case "additionalProperties" -> {
          if (value.isObject()) {
            copy.set(key, tighten(value, false));
          }
        }
        default -> copy.set(key, tighten(value, false));
      }
    }
    if (node.has("properties") && !open && !(node.get("additionalProperties") instanceof ObjectNode)) {
      copy.put("additionalProperties", false);
    }
    return copy;
  }

  private static void addRequired(ObjectNode def, List<String> required) {
    JsonNode props = def.get("properties");
    Set<String> names = new TreeSet<>();
    for (String field : required) {
      if (props != null && props.has(field)) {
        names.add(field);
      }
    }
    if (!names.isEmpty()) {
      ArrayNode list = def.putArray("required");
      names.forEach(list::add);
    }
  }

  private List<String> requiredFields(String name, String javaType, ObjectNode def) {
    // apiVersion and kind are not required here: kinds are embedded too (a StatefulSet's
    // volumeClaimTemplates); the validator checks them on the top-level object itself.
    Set<String> required = new LinkedHashSet<>();
    String family = name.startsWith("kubernetes_sigs_gatewayapi_") ? "gatewayapi"
        : name.startsWith("github_com_cert-manager_") ? "certmanager" : null;
    if (family != null) {
      String simple = name.substring(name.lastIndexOf('_') + 1);
      required.addAll(CRD_REQUIRED.getOrDefault(family + ":" + simple, List.of()));
    } else if (javaType.startsWith(FABRIC8_MODEL)) {
      required.addAll(clientJavaRequired(javaType));
    }
    return List.copyOf(required);
  }

  /** {@code openapiRequiredFields} of the client-java model class matching a fabric8 type. */
  private Collection<String> clientJavaRequired(String javaType) {
    String rest = javaType.substring(FABRIC8_MODEL.length());
    String simple = rest.substring(rest.lastIndexOf('.') + 1);
    String version = "v1";
    for (String part : rest.split("\\.")) {
      Matcher m = VERSION.matcher(part);
      if (m.matches()) {
        version = part;
      }
    }
    String v = Character.toUpperCase(version.charAt(0)) + version.substring(1);
    // client-java prefixes the group where two groups share a name: CoreV1Event, RbacV1Subject.
    String group = rest.indexOf('.') > 0 && !VERSION.matcher(rest.substring(0, rest.indexOf('.'))).matches()
        ? rest.substring(0, rest.indexOf('.')) : "core";
    String groupPrefix = Character.toUpperCase(group.charAt(0)) + group.substring(1);
    List<String> candidates = List.of(groupPrefix + v + simple, v + simple);
    for (String candidate : candidates) {
      try {
        Class<?> type = Class.forName(CLIENT_JAVA_MODELS + candidate, true,
            Thread.currentThread().getContextClassLoader());
        Field field = type.getField("openapiRequiredFields");
        @SuppressWarnings("unchecked")
        Collection<String> fields = (Collection<String>) field.get(null);
        matched++;
        served.add(javaType);
        return fields;
      } catch (ReflectiveOperationException | LinkageError e) {
        // try the next name
      }
    }
    unmatched.add(rest);
    return List.of();
  }
}
