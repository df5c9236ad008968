package dev.chartfactory.core.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The facts of a set of Kubernetes manifests that a platform team compares when it asks "does
 * the chart give me what the upstream manifests give?": object names, container and Service
 * ports, Service types, probes, env (names and values), resources, security contexts, replicas,
 * images, volumes, pod annotations, grace periods and service accounts. Labels, selectors and
 * namespaces are left out: a chart names them its own way, and they do not change what runs.
 *
 * <p>The same distiller reads upstream's manifests (once, to write the fact file) and our
 * rendered ones, so both sides are normalised alike: containers keyed by name, env as a map, a
 * named port (probe port, Service targetPort) resolved to the number it names in the pod, and
 * {@code replicas} as the API server stores it (1 when a Deployment omits it).
 */
final class ManifestFacts {

  private ManifestFacts() {}

  /** {@code Kind/name} → that object's facts, for Deployments, StatefulSets, Services and ServiceAccounts. */
  static Map<String, Object> of(List<Map<String, Object>> objects) {
    Map<String, Object> facts = new TreeMap<>();
    for (Map<String, Object> object : objects) {
      String kind = String.valueOf(object.get("kind"));
      String name = String.valueOf(map(object.get("metadata")).get("name"));
      switch (kind) {
        case "Deployment", "StatefulSet" -> facts.put(kind + "/" + name, workload(object));
        case "Service" -> facts.put(kind + "/" + name, service(object, objects));
        case "ServiceAccount" -> facts.put(kind + "/" + name, new LinkedHashMap<>());
        default -> { }
      }
    }
    return facts;
  }

  private static Map<String, Object> workload(Map<String, Object> object) {
    Map<String, Object> spec = map(object.get("spec"));
    Map<String, Object> template = map(spec.get("template"));
    Map<String, Object> pod = map(template.get("spec"));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("replicas", spec.getOrDefault("replicas", 1));
    putIfPresent(facts, "serviceAccountName", pod.get("serviceAccountName"));
    putIfPresent(facts, "terminationGracePeriodSeconds", pod.get("terminationGracePeriodSeconds"));
    Map<String, Object> annotations = map(map(template.get("metadata")).get("annotations"));
    if (!annotations.isEmpty()) {
      facts.put("podAnnotations", new TreeMap<>(annotations));
    }
    if (!map(pod.get("securityContext")).isEmpty()) {
      facts.put("podSecurityContext", new TreeMap<>(map(pod.get("securityContext"))));
    }
    Map<String, Object> volumes = new TreeMap<>();
    for (Object volume : list(pod.get("volumes"))) {
      Map<String, Object> v = new TreeMap<>(map(volume));
      Object volumeName = v.remove("name");
      volumes.put(String.valueOf(volumeName), String.join(",", v.keySet()));
    }
    if (!volumes.isEmpty()) {
      facts.put("volumes", volumes);
    }
    for (String field : List.of("initContainers", "containers")) {
      Map<String, Object> containers = new LinkedHashMap<>();
      for (Object item : list(pod.get(field))) {
        Map<String, Object> container = map(item);
        containers.put(String.valueOf(container.get("name")), container(container));
      }
      if (!containers.isEmpty()) {
        facts.put(field, containers);
      }
    }
    return facts;
  }

  private static Map<String, Object> container(Map<String, Object> container) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("image", container.get("image"));
    putIfPresent(facts, "command", container.get("command"));
    putIfPresent(facts, "args", container.get("args"));
    Map<String, Object> ports = new TreeMap<>();
    for (Object item : list(container.get("ports"))) {
      Map<String, Object> port = map(item);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("containerPort", port.get("containerPort"));
      putIfPresent(p, "name", port.get("name"));
      ports.put(String.valueOf(port.get("containerPort")), p);
    }
    if (!ports.isEmpty()) {
      facts.put("ports", ports);
    }
    Map<String, Object> env = new TreeMap<>();
    for (Object item : list(container.get("env"))) {
      Map<String, Object> variable = map(item);
      env.put(String.valueOf(variable.get("name")),
          variable.containsKey("value") ? variable.get("value") : String.valueOf(variable.get("valueFrom")));
    }
    if (!env.isEmpty()) {
      facts.put("env", env);
    }
    if (!map(container.get("resources")).isEmpty()) {
      facts.put("resources", container.get("resources"));
    }
    if (!map(container.get("securityContext")).isEmpty()) {
      facts.put("securityContext", container.get("securityContext"));
    }
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      if (container.get(probe) != null) {
        facts.put(probe, probe(map(container.get(probe)), container));
      }
    }
    Map<String, Object> mounts = new TreeMap<>();
    for (Object item : list(container.get("volumeMounts"))) {
      mounts.put(String.valueOf(map(item).get("name")), map(item).get("mountPath"));
    }
    if (!mounts.isEmpty()) {
      facts.put("volumeMounts", mounts);
    }
    return facts;
  }

  /** A probe with a named port resolved to the container's number, as the kubelet resolves it. */
  private static Map<String, Object> probe(Map<String, Object> probe, Map<String, Object> container) {
    Map<String, Object> facts = new TreeMap<>(probe);
    for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
      if (probe.get(handler) != null) {
        Map<String, Object> h = new TreeMap<>(map(probe.get(handler)));
        h.put("port", portNumber(h.get("port"), List.of(container)));
        facts.put(handler, h);
      }
    }
    return facts;
  }

  private static Map<String, Object> service(Map<String, Object> object, List<Map<String, Object>> objects) {
    Map<String, Object> spec = map(object.get("spec"));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("type", spec.getOrDefault("type", "ClusterIP"));
    List<Map<String, Object>> selected = containersSelectedBy(map(spec.get("selector")), objects);
    Map<String, Object> ports = new TreeMap<>();
    for (Object item : list(spec.get("ports"))) {
      Map<String, Object> port = map(item);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("port", port.get("port"));
      p.put("targetPort", portNumber(port.getOrDefault("targetPort", port.get("port")), selected));
      ports.put(String.valueOf(port.getOrDefault("name", port.get("port"))), p);
    }
    facts.put("ports", ports);
    return facts;
  }

  /** The containers of the pods a Service's selector picks. */
  private static List<Map<String, Object>> containersSelectedBy(Map<String, Object> selector,
      List<Map<String, Object>> objects) {
    List<Map<String, Object>> containers = new ArrayList<>();
    for (Map<String, Object> object : objects) {
      Map<String, Object> template = map(map(object.get("spec")).get("template"));
      Map<String, Object> labels = map(map(template.get("metadata")).get("labels"));
      if (!selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet())) {
        list(map(template.get("spec")).get("containers")).forEach(c -> containers.add(map(c)));
      }
    }
    return containers;
  }

  private static Object portNumber(Object port, List<Map<String, Object>> containers) {
    if (port instanceof String name) {
      for (Map<String, Object> container : containers) {
        for (Object item : list(container.get("ports"))) {
          if (name.equals(map(item).get("name"))) {
            return map(item).get("containerPort");
          }
        }
      }
    }
    return port;
  }

  /** One compared field: its path, upstream's value, and ours (null when we render none). */
  record Field(String path, Object upstream, Object ours) {
    boolean reproduced() {
      return Objects.equals(text(upstream), text(ours));
    }
  }

  /**
   * Every leaf of {@code upstream} (an empty object counts once, for its existence) paired with
   * the same path in {@code ours}; what only ours has is not counted.
   */
  static List<Field> compare(Map<String, Object> upstream, Map<String, Object> ours) {
    List<Field> fields = new ArrayList<>();
    walk("", upstream, ours, fields);
    return fields;
  }

  private static void walk(String path, Object upstream, Object ours, List<Field> fields) {
    if (upstream instanceof Map<?, ?> u && !u.isEmpty()) {
      Map<?, ?> o = ours instanceof Map<?, ?> m ? m : Map.of();
      u.forEach((key, value) -> walk(path.isEmpty() ? String.valueOf(key) : path + " > " + key, value,
          o.get(key), fields));
    } else if (upstream instanceof Map<?, ?>) {
      fields.add(new Field(path, "(exists)", ours == null ? null : "(exists)"));
    } else {
      fields.add(new Field(path, upstream, ours));
    }
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static void putIfPresent(Map<String, Object> into, String key, Object value) {
    if (value != null) {
      into.put(key, value);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
