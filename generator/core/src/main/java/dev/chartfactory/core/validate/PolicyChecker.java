package dev.chartfactory.core.validate;

import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.resolve.SpecResolver;
import dev.chartfactory.core.spec.AppSpec;
import dev.chartfactory.core.spec.ComponentSpec;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.validate.PolicyFinding.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Platform rules on rendered objects, each with an id an app can waive with a reason:
 * {@code resources}, {@code probes}, {@code non-root}, {@code pinned-tag},
 * {@code service-ports}, {@code unique-hosts}, {@code name-length}, {@code namespace-prefix},
 * {@code quota}. They run on what Helm rendered, so overrides made in values are checked too.
 */
public final class PolicyChecker {

  public static final Map<String, String> RULES = ruleDescriptions();

  private static Map<String, String> ruleDescriptions() {
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put("resources", "every container sets cpu and memory requests and a memory limit");
    rules.put("probes", "a web app's own container has liveness and readiness probes");
    rules.put("non-root", "pods run as non-root; containers are unprivileged and cannot escalate privileges");
    rules.put("pinned-tag", "images have a tag other than latest outside dev environments");
    rules.put("service-ports", "a Service uses each port number once");
    rules.put("unique-hosts", "a host and path is routed by one object per cluster");
    rules.put("name-length", "names fit 63 characters (52 for StatefulSets and CronJobs)");
    rules.put("namespace-prefix", "objects stay in namespaces with the environment's prefix");
    rules.put("quota", "every namespace of an environment with quotas has a ResourceQuota");
    rules.put("capabilities", "containers add no Linux capability but NET_BIND_SERVICE");
    return java.util.Collections.unmodifiableMap(rules);
  }

  /** All findings not waived, for one environment's rendered objects. */
  public List<PolicyFinding> check(ResolvedPlatform platform, EnvironmentSpec environment,
      List<Map<String, Object>> objects) {
    Unit unit = checkUnit(platform, environment, objects);
    List<PolicyFinding> findings = new ArrayList<>(unit.findings());
    findings.addAll(across(platform, environment, List.of(unit.claims())));
    return findings;
  }

  /**
   * A route one object claims ({@code host/path}), with what a finding about it needs.
   *
   * @param field the Kubernetes field that holds it
   */
  public record Route(String route, String object, String app, String component, String field) {}

  /**
   * What a part of an environment's objects (one app's render, or the umbrella's own objects)
   * claims that rules spanning every object compare: its routes, the namespaces its apps run
   * in, the namespaces it creates and those it gives a ResourceQuota.
   */
  public record Claims(List<Route> routes, Set<String> appNamespaces, Set<String> createdNamespaces,
      Set<String> quotaNamespaces) {
    public Claims {
      routes = List.copyOf(routes);
      appNamespaces = new TreeSet<>(appNamespaces);
      createdNamespaces = new TreeSet<>(createdNamespaces);
      quotaNamespaces = new TreeSet<>(quotaNamespaces);
    }
  }

  /** One part's findings (not waived) and claims. */
  public record Unit(List<PolicyFinding> findings, Claims claims) {}

  /**
   * The rules of one part of an environment's objects; the rules that span parts
   * ({@code unique-hosts} between parts, {@code quota}) are left to {@link #across}.
   */
  public Unit checkUnit(ResolvedPlatform platform, EnvironmentSpec environment, List<Map<String, Object>> objects) {
    List<PolicyFinding> findings = new ArrayList<>();
    Map<String, String> hosts = new HashMap<>();
    List<Route> routes = new ArrayList<>();
    Set<String> namespaces = new TreeSet<>();
    Set<String> created = new TreeSet<>();
    Set<String> quotaNamespaces = new TreeSet<>();
    for (Map<String, Object> object : objects) {
      Context context = new Context(platform, environment, object);
      String kind = context.kind;
      if (!context.namespace.isEmpty() && context.app != null) {
        namespaces.add(context.namespace);
      }
      if (kind.equals("Namespace")) {
        created.add(context.name);
      }
      if (kind.equals("ResourceQuota")) {
        quotaNamespaces.add(context.namespace);
      }
      checkNames(context, findings);
      checkNamespacePrefix(context, findings);
      Map<String, Object> podSpec = podSpec(object);
      if (podSpec != null) {
        checkPod(context, podSpec, findings);
      }
      if (kind.equals("Service")) {
        checkServicePorts(context, findings);
      }
      checkHosts(context, hosts, routes, findings);
    }
    return new Unit(findings.stream().filter(f -> !waived(platform, f)).toList(),
        new Claims(routes, namespaces, created, quotaNamespaces));
  }

  /**
   * The rules that span parts, over every part's claims in order: a route claimed by objects of
   * two parts, and (with quotas) namespaces where apps run that get no ResourceQuota.
   */
  public List<PolicyFinding> across(ResolvedPlatform platform, EnvironmentSpec environment, List<Claims> parts) {
    List<PolicyFinding> findings = new ArrayList<>();
    Map<String, Route> owners = new HashMap<>();
    Set<String> namespaces = new TreeSet<>();
    Set<String> quotaNamespaces = new TreeSet<>();
    for (int part = 0; part < parts.size(); part++) {
      Claims claims = parts.get(part);
      namespaces.addAll(claims.appNamespaces());
      namespaces.addAll(claims.createdNamespaces());
      quotaNamespaces.addAll(claims.quotaNamespaces());
      Map<String, Route> own = new HashMap<>();
      for (Route route : claims.routes()) {
        Route owner = owners.get(route.route());
        if (owner != null && !owner.object().equals(route.object())) {
          findings.add(new PolicyFinding("unique-hosts", Severity.ERROR, environment.name(), route.app(),
              route.component(), route.object(), route.field(), "host " + route.route() + " is already routed by "
                  + owner.object()));
        }
        own.putIfAbsent(route.route(), route);
      }
      own.forEach(owners::putIfAbsent);
    }
    if (environment.quota() != null) {
      for (String namespace : namespaces) {
        if (!quotaNamespaces.contains(namespace)) {
          findings.add(new PolicyFinding("quota", Severity.WARNING, environment.name(), null, null,
              "Namespace " + namespace, "", "environment " + environment.name() + " sets quotas, but namespace "
                  + namespace + ", where apps run, gets no ResourceQuota (the umbrella creates quotas for the"
                  + " namespaces it creates; give the release namespace one, or use namespacePrefix)"));
        }
      }
    }
    return findings.stream().filter(f -> !waived(platform, f)).toList();
  }

  private static boolean waived(ResolvedPlatform platform, PolicyFinding finding) {
    AppSpec app = finding.app() == null ? null : platform.repo().apps().get(finding.app());
    return app != null && app.waivers().containsKey(finding.rule());
  }

  /** Who rendered an object and where it goes, read from its labels and metadata. */
  private static final class Context {
    final ResolvedPlatform platform;
    final EnvironmentSpec environment;
    final String kind;
    final String name;
    final String namespace;
    final String app;
    final String component;
    final Map<String, Object> object;

    Context(ResolvedPlatform platform, EnvironmentSpec environment, Map<String, Object> object) {
      this.object = object;
      this.platform = platform;
      this.environment = environment;
      this.kind = String.valueOf(object.get("kind"));
      Map<String, Object> metadata = map(object.get("metadata"));
      this.name = String.valueOf(metadata.get("name"));
      this.namespace = metadata.get("namespace") == null ? "" : String.valueOf(metadata.get("namespace"));
      Map<String, Object> labels = map(metadata.get("labels"));
      String appLabel = (String) labels.get("app.kubernetes.io/name");
      this.app = appLabel != null && platform.baseApps().containsKey(appLabel) ? appLabel : null;
      this.component = (String) labels.get("app.kubernetes.io/component");
    }

    String object() {
      return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    PolicyFinding finding(String rule, String field, String message) {
      return new PolicyFinding(rule, Severity.ERROR, environment.name(), app, component, object(), field, message);
    }

    ComponentType componentType() {
      if (app == null || component == null) {
        return null;
      }
      ComponentSpec spec = platform.repo().apps().get(app).components().get(component);
      return spec == null ? null : spec.type();
    }
  }

  private static void checkNames(Context context, List<PolicyFinding> findings) {
    int limit = context.kind.equals("StatefulSet") || context.kind.equals("CronJob") ? 52 : 63;
    if (context.name.length() > limit) {
      findings.add(context.finding("name-length", "metadata.name", "'" + context.name + "' is "
          + context.name.length() + " characters (expected at most " + limit + ")"));
    }
  }

  private static void checkNamespacePrefix(Context context, List<PolicyFinding> findings) {
    String prefix = context.environment.namespacePrefix();
    String namespace = context.kind.equals("Namespace") ? context.name : context.namespace;
    // Platform objects of the umbrella (the issuer chain) live outside tenants on purpose.
    if (prefix != null && context.app != null && !namespace.isEmpty() && !namespace.startsWith(prefix)
        && !namespace.equals(context.platform.factory().umbrella().namespace())) {
      findings.add(context.finding("namespace-prefix", "metadata.namespace", "namespace '" + namespace
          + "' lacks the environment's prefix '" + prefix + "' (tenant isolation)"));
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkPod(Context context, Map<String, Object> podSpec, List<PolicyFinding> findings) {
    String base = podPath(context.kind);
    Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
    List<Object> containers = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    // Init containers first, as the pod runs them; they answer to the same rules but probes.
    for (String field : List.of("initContainers", "containers")) {
      List<Object> items = podSpec.get(field) instanceof List<?> l ? (List<Object>) l : List.of();
      for (int i = 0; i < items.size(); i++) {
        containers.add(items.get(i));
        paths.add(base + "." + field + "[" + i + "]");
      }
    }
    for (int i = 0; i < containers.size(); i++) {
      Map<String, Object> container = map(containers.get(i));
      String path = paths.get(i);
      Map<String, Object> resources = map(container.get("resources"));
      Map<String, Object> requests = map(resources.get("requests"));
      Map<String, Object> limits = map(resources.get("limits"));
      List<String> missing = new ArrayList<>();
      if (requests.get("cpu") == null) {
        missing.add("requests.cpu");
      }
      if (requests.get("memory") == null) {
        missing.add("requests.memory");
      }
      if (limits.get("memory") == null) {
        missing.add("limits.memory");
      }
      if (!missing.isEmpty()) {
        findings.add(context.finding("resources", path + ".resources", "missing " + String.join(", ", missing)
            + " (set resources in the component or factory.yaml defaults)"));
      }
      // The component's own container: a sidecar's probes are its author's choice.
      boolean main = path.equals(base + ".containers[0]");
      if (main && context.componentType() == ComponentType.WEBAPP
          && (container.get("livenessProbe") == null || container.get("readinessProbe") == null)) {
        findings.add(context.finding("probes", path, "a web app needs liveness and readiness probes"
            + " (set probes.liveness and probes.readiness)"));
      }
      Map<String, Object> security = map(container.get("securityContext"));
      List<Object> added = list(map(security.get("capabilities")).get("add"));
      List<String> extra = added.stream().map(String::valueOf).filter(c -> !c.equals("NET_BIND_SERVICE")).toList();
      if (!extra.isEmpty()) {
        findings.add(context.finding("capabilities", path + ".securityContext.capabilities.add", "adds "
            + String.join(", ", extra) + " (expected at most NET_BIND_SERVICE; waive 'capabilities' with a reason)"));
      }
      boolean nonRoot = Boolean.TRUE.equals(security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot")));
      if (!nonRoot || !Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))
          || Boolean.TRUE.equals(security.get("privileged"))) {
        findings.add(context.finding("non-root", path + ".securityContext", "must run as non-root"
            + " (runAsNonRoot: true), unprivileged, with allowPrivilegeEscalation: false"));
      }
      String image = String.valueOf(container.get("image"));
      if (!context.environment.dev() && !image.contains("@")) {
        String tag = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
        if (tag.isEmpty() || tag.equals(SpecResolver.UNVERSIONED_TAG)) {
          findings.add(context.finding("pinned-tag", path + ".image", "image '" + image
              + "' is not pinned (expected a version tag or a digest outside dev environments)"));
        }
      }
    }
  }

  private static void checkServicePorts(Context context, List<PolicyFinding> findings) {
    Set<Object> seen = new java.util.HashSet<>();
    List<Object> ports = list(map(context.object.get("spec")).get("ports"));
    for (int i = 0; i < ports.size(); i++) {
      Map<String, Object> port = map(ports.get(i));
      Object key = port.get("port") + "/" + port.getOrDefault("protocol", "TCP");
      if (!seen.add(key)) {
        findings.add(context.finding("service-ports", "spec.ports[" + i + "].port", "port " + port.get("port")
            + " is used twice in this Service"));
      }
    }
  }

  /** Ingress rules and HTTPRoute hostnames: one owner per host and path in the environment. */
  private static void checkHosts(Context context, Map<String, String> hosts, List<Route> claimed,
      List<PolicyFinding> findings) {
    Map<String, Object> spec = map(context.object.get("spec"));
    List<String> routes = new ArrayList<>();
    if (context.kind.equals("Ingress")) {
      for (Object rule : list(spec.get("rules"))) {
        String host = String.valueOf(map(rule).get("host"));
        for (Object path : list(map(map(rule).get("http")).get("paths"))) {
          routes.add(host + map(path).getOrDefault("path", "/"));
        }
      }
    } else if (context.kind.equals("HTTPRoute") || context.kind.equals("GRPCRoute")) {
      for (Object host : list(spec.get("hostnames"))) {
        routes.add(host + "/");
      }
    }
    String field = context.kind.equals("Ingress") ? "spec.rules" : "spec.hostnames";
    for (String route : routes) {
      String owner = hosts.putIfAbsent(route, context.object());
      if (owner != null && !owner.equals(context.object())) {
        findings.add(context.finding("unique-hosts", field, "host " + route + " is already routed by " + owner));
      } else if (owner == null) {
        claimed.add(new Route(route, context.object(), context.app, context.component, field));
      }
    }
  }

  private static List<Object> list(Object value) {
    @SuppressWarnings("unchecked")
    List<Object> list = value instanceof List<?> l ? (List<Object>) l : List.of();
    return list;
  }

  private static String podPath(String kind) {
    return switch (kind) {
      case "CronJob" -> "spec.jobTemplate.spec.template.spec";
      case "Pod" -> "spec";
      default -> "spec.template.spec";
    };
  }

  private static Map<String, Object> podSpec(Map<String, Object> object) {
    String kind = String.valueOf(object.get("kind"));
    Map<String, Object> spec = map(object.get("spec"));
    return switch (kind) {
      case "Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet" -> map(map(spec.get("template")).get("spec"));
      case "CronJob" -> map(map(map(map(spec.get("jobTemplate")).get("spec")).get("template")).get("spec"));
      case "Pod" -> spec;
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
