package dev.chartfactory.core.render;

import dev.chartfactory.core.error.InternalException;
import dev.chartfactory.core.resolve.ImageRef;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedComponent;
import dev.chartfactory.core.resolve.ResolvedContainer;
import dev.chartfactory.core.spec.AutoscalingSpec;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.ContainerSpec;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.spec.PodSettingsSpec;
import dev.chartfactory.core.spec.PortSpec;
import dev.chartfactory.core.spec.ProbeSpec;
import dev.chartfactory.core.spec.RbacRuleSpec;
import dev.chartfactory.core.spec.ResourcesSpec;
import dev.chartfactory.core.spec.SecretRef;
import dev.chartfactory.core.spec.ServiceSpec;
import dev.chartfactory.core.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a chart's values tree from a resolved app: every tunable the templates read, in a fixed,
 * readable order. The same builder makes the chart's values.yaml (from the base resolution) and,
 * diffed against it, each environment's overrides in the umbrella.
 */
public final class ValuesBuilder {

  /** Non-root defaults; a spec relaxes them per chart with --set or values, never silently. */
  static final Map<String, Object> POD_SECURITY_CONTEXT = ordered(
      "runAsNonRoot", true, "runAsUser", 1000, "runAsGroup", 1000, "fsGroup", 1000,
      "seccompProfile", ordered("type", "RuntimeDefault"));
  static final Map<String, Object> SECURITY_CONTEXT = ordered(
      "allowPrivilegeEscalation", false, "privileged", false, "readOnlyRootFilesystem", false,
      "capabilities", ordered("drop", List.of("ALL")));

  private final FactorySpec factory;

  public ValuesBuilder(FactorySpec factory) {
    this.factory = factory;
  }

  /** The chart-level values (values.yaml of the app's own chart). */
  public Map<String, Object> chartValues(ResolvedApp app) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("global", ordered(
        "imageRegistry", factory.registry(),
        "imagePullSecrets", factory.imagePullSecrets(),
        "domain", "local.test",
        "partOf", "",
        "sourceCommit", "",
        "exposure", ordered(
            "className", "traefik",
            "privateClassName", "",
            "tls", true,
            "clusterIssuer", factory.certManager().issuer(),
            "gateway", ordered("name", "", "namespace", ""))));
    values.put("nameOverride", "");
    values.put("fullnameOverride", "");
    values.put("namespace", "");
    values.put("imagePullSecrets", List.of());
    boolean hasRules = !app.rbac().rules().isEmpty();
    values.put("serviceAccount", ordered("create", true, "name", "", "annotations", Map.of(),
        "automountToken", hasRules));
    values.put("rbac", ordered("create", true, "clusterWide", app.rbac().clusterWide(),
        "rules", rules(app.rbac())));
    values.put("podSecurityContext", POD_SECURITY_CONTEXT);
    values.put("securityContext", SECURITY_CONTEXT);
    values.put("nodeSelector", Map.of());
    values.put("tolerations", List.of());
    values.put("affinity", Map.of());
    values.put("components", componentsValues(app));
    return values;
  }

  /** Only the per-component part, which is what environments override. */
  public Map<String, Object> componentsValues(ResolvedApp app) {
    Map<String, Object> components = new LinkedHashMap<>();
    app.components().forEach((name, component) -> components.put(name, component(component)));
    return components;
  }

  private Map<String, Object> component(ResolvedComponent c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("enabled", c.enabled());
    v.put("image", image(c.image(), c.pullPolicy()));
    if (c.type() != ComponentType.CRON) {
      v.put("replicas", c.replicas());
    }
    v.put("command", c.command());
    v.put("args", c.args());
    List<Object> ports = new ArrayList<>();
    for (PortSpec port : c.ports()) {
      ports.add(port(port));
    }
    v.put("ports", ports);
    if (c.type() == ComponentType.WEBAPP || c.type() == ComponentType.STATEFUL) {
      v.put("service", service(c.service(), List.of()));
      if (!c.extraServices().isEmpty()) {
        Map<String, Object> extra = new LinkedHashMap<>();
        c.extraServices().forEach((name, service) -> extra.put(name, service(service, c.ports().stream()
            .filter(p -> service.ports().isEmpty() || service.ports().contains(p.name()))
            .map(ValuesBuilder::port).toList())));
        v.put("extraServices", extra);
      }
      v.put("visibility", c.visibility().id());
      v.put("host", c.host() == null ? "" : c.host());
      v.put("path", c.path());
      v.put("ingressAnnotations", Map.of());
    }
    if (c.type() != ComponentType.CRON) {
      v.put("probes", probes(c));
    }
    v.put("resources", resources(c.resources()));
    if (c.type() == ComponentType.WEBAPP || c.type() == ComponentType.WORKER) {
      v.put("autoscaling", autoscaling(c.autoscaling(), c.replicas()));
    }
    if (c.type() != ComponentType.CRON) {
      v.put("podDisruptionBudget", ordered("enabled", true, "maxUnavailable", 1));
    }
    if (c.type() == ComponentType.CRON) {
      v.put("schedule", c.schedule());
      v.put("concurrencyPolicy", c.concurrencyPolicy());
      if (c.timeZone() != null) {
        v.put("timeZone", c.timeZone());
      }
      v.put("suspend", false);
      v.put("backoffLimit", 3);
    }
    v.put("env", new LinkedHashMap<>(c.env()));
    Map<String, Object> secretEnv = new LinkedHashMap<>();
    for (Map.Entry<String, SecretRef> entry : c.secretEnv().entrySet()) {
      secretEnv.put(entry.getKey(), ordered("secret", entry.getValue().secret(), "key", entry.getValue().key()));
    }
    v.put("secretEnv", secretEnv);
    List<Object> volumes = new ArrayList<>();
    for (VolumeSpec volume : c.volumes()) {
      Map<String, Object> entry = ordered("name", volume.name(), "mountPath", volume.mountPath(),
          "kind", volume.kind().id(), "readOnly", volume.readOnly());
      if (volume.kind() == VolumeSpec.Kind.PERSISTENT) {
        entry.put("size", volume.size());
        entry.put("storageClass", volume.storageClass() == null ? "" : volume.storageClass());
      } else if (volume.source() != null) {
        entry.put("source", volume.source());
      }
      volumes.add(entry);
    }
    v.put("volumes", volumes);
    PodSettingsSpec pod = c.pod();
    v.put("podAnnotations", new LinkedHashMap<>(pod.podAnnotations()));
    // The rest only when written, so charts that do not use them keep their values and templates.
    if (!pod.podLabels().isEmpty()) {
      v.put("podLabels", new LinkedHashMap<>(pod.podLabels()));
    }
    PodSettingsSpec.SecurityContext security = pod.securityContext();
    if (security != null) {
      Map<String, Object> podSecurity = new LinkedHashMap<>();
      putIfSet(podSecurity, "runAsUser", security.runAsUser());
      putIfSet(podSecurity, "runAsGroup", security.runAsGroup());
      putIfSet(podSecurity, "fsGroup", security.fsGroup());
      if (security.seccompProfile() != null) {
        podSecurity.put("seccompProfile", seccompProfile(security));
      }
      Map<String, Object> containerSecurity = new LinkedHashMap<>();
      putIfSet(containerSecurity, "readOnlyRootFilesystem", security.readOnlyRootFilesystem());
      if (!security.addCapabilities().isEmpty()) {
        containerSecurity.put("capabilities", ordered("add", security.addCapabilities()));
      }
      v.put("podSecurityContext", podSecurity);
      v.put("securityContext", containerSecurity);
    }
    putIfSet(v, "terminationGracePeriodSeconds", pod.terminationGracePeriodSeconds());
    if (pod.preStop() != null) {
      PodSettingsSpec.Hook hook = pod.preStop();
      Map<String, Object> handler = hook.path() != null
          ? ordered("httpGet", ordered("path", hook.path(), "port",
              hook.port() != null ? hook.port() : c.primaryPort() == null ? null : c.primaryPort().name()))
          : ordered("exec", ordered("command", hook.command()));
      v.put("lifecycle", ordered("preStop", handler));
    }
    // Only when written, so charts without them keep their values.
    if (!c.initContainers().isEmpty()) {
      v.put("initContainers", c.initContainers().stream().map(x -> container(x, false)).toList());
    }
    if (!c.sidecars().isEmpty()) {
      v.put("sidecars", c.sidecars().stream().map(x -> container(x, true)).toList());
    }
    if (!c.params().isEmpty()) {
      v.put("params", new LinkedHashMap<>(c.params()));
    }
    return v;
  }

  // --- init containers and sidecars (#15) ---
  /** An init container's or sidecar's values, with the same keys as a component's. */
  private Map<String, Object> container(ResolvedContainer x, boolean sidecar) {
    ContainerSpec spec = x.spec();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", spec.name());
    v.put("image", image(x.image(), x.pullPolicy()));
    v.put("command", spec.command());
    v.put("args", spec.args());
    if (sidecar) {
      v.put("ports", spec.ports().stream().map(ValuesBuilder::port).toList());
      Map<String, Object> probes = new LinkedHashMap<>();
      String owner = "sidecar " + spec.name();
      putProbe(probes, "liveness", spec.probes().liveness(), owner, spec.ports());
      putProbe(probes, "readiness", spec.probes().readiness(), owner, spec.ports());
      putProbe(probes, "startup", spec.probes().startup(), owner, spec.ports());
      v.put("probes", probes);
    }
    v.put("resources", resources(x.resources()));
    v.put("env", new java.util.TreeMap<>(spec.env()));
    Map<String, Object> secretEnv = new LinkedHashMap<>();
    new java.util.TreeMap<>(spec.secretEnv()).forEach((key, ref) ->
        secretEnv.put(key, ordered("secret", ref.secret(), "key", ref.key())));
    v.put("secretEnv", secretEnv);
    Map<String, Object> security = new LinkedHashMap<>();
    PodSettingsSpec.SecurityContext written = spec.securityContext();
    if (written != null) {
      putIfSet(security, "readOnlyRootFilesystem", written.readOnlyRootFilesystem());
      putIfSet(security, "runAsUser", written.runAsUser());
      putIfSet(security, "runAsGroup", written.runAsGroup());
      if (written.seccompProfile() != null) {
        security.put("seccompProfile", seccompProfile(written));
      }
      if (!written.addCapabilities().isEmpty()) {
        security.put("capabilities", ordered("add", written.addCapabilities()));
      }
    }
    v.put("securityContext", security);
    return v;
  }
  // --- end init containers and sidecars ---

  private static Map<String, Object> seccompProfile(PodSettingsSpec.SecurityContext security) {
    Map<String, Object> seccomp = ordered("type", security.seccompProfile());
    putIfSet(seccomp, "localhostProfile", security.seccompLocalhostProfile());
    return seccomp;
  }

  private static Map<String, Object> port(PortSpec port) {
    Map<String, Object> v = ordered("name", port.name(), "port", port.port(), "protocol", port.protocol().id());
    putIfSet(v, "targetPort", port.targetPort());
    return v;
  }

  /** {type}, as before these fields existed, plus what the spec wrote; extra Services list their ports. */
  private static Map<String, Object> service(ServiceSpec service, List<Map<String, Object>> ports) {
    ServiceSpec.Type type = service == null ? ServiceSpec.Type.CLUSTER_IP : service.typeOrDefault();
    Map<String, Object> v = ordered("type", type.kubernetesType());
    if (type == ServiceSpec.Type.HEADLESS) {
      v.put("clusterIP", "None");
    }
    if (!ports.isEmpty()) {
      v.put("ports", ports);
    }
    if (service != null && !service.annotations().isEmpty()) {
      v.put("annotations", new LinkedHashMap<>(service.annotations()));
    }
    if (service != null && !service.labels().isEmpty()) {
      v.put("labels", new LinkedHashMap<>(service.labels()));
    }
    return v;
  }

  private Map<String, Object> image(ImageRef image, String pullPolicy) {
    boolean ownRegistry = Objects.equals(image.registry(), factory.registry());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("registry", ownRegistry ? "" : image.registry());
    v.put("repository", image.repository());
    v.put("tag", image.tag() == null ? "" : image.tag());
    if (image.digest() != null) {
      v.put("digest", image.digest());
    }
    v.put("pullPolicy", pullPolicy);
    return v;
  }

  private Map<String, Object> probes(ResolvedComponent c) {
    Map<String, Object> v = new LinkedHashMap<>();
    ProbeSpec.Probes probes = c.probes();
    putProbe(v, "liveness", probes.liveness(), c.name(), c.ports());
    putProbe(v, "readiness", probes.readiness(), c.name(), c.ports());
    putProbe(v, "startup", probes.startup(), c.name(), c.ports());
    return v;
  }

  /** Probes of a container with {@code ports}; a probe that names no port checks the first. */
  private static void putProbe(Map<String, Object> into, String name, ProbeSpec probe, String owner,
      List<PortSpec> ports) {
    if (probe == null) {
      return;
    }
    Map<String, Object> v = new LinkedHashMap<>();
    String port = probe.port() != null ? probe.port() : ports.isEmpty() ? null : ports.get(0).name();
    switch (probe.kind()) {
      case HTTP -> {
        Map<String, Object> get = ordered("path", probe.path() == null ? "/" : probe.path(), "port", port);
        if (!probe.headers().isEmpty()) {
          List<Object> headers = new ArrayList<>();
          probe.headers().forEach((header, value) -> headers.add(ordered("name", header, "value", value)));
          get.put("httpHeaders", headers);
        }
        v.put("httpGet", get);
      }
      case GRPC -> v.put("grpc", ordered("port", portNumber(owner, ports, port)));
      case TCP -> v.put("tcpSocket", ordered("port", port));
      case EXEC -> v.put("exec", ordered("command", probe.command()));
    }
    putIfSet(v, "initialDelaySeconds", probe.initialDelaySeconds());
    putIfSet(v, "periodSeconds", probe.periodSeconds());
    putIfSet(v, "timeoutSeconds", probe.timeoutSeconds());
    putIfSet(v, "failureThreshold", probe.failureThreshold());
    into.put(name, v);
  }

  /** gRPC probes take a port number, not a name. */
  private static int portNumber(String owner, List<PortSpec> ports, String name) {
    return ports.stream().filter(p -> p.name().equals(name)).findFirst()
        .map(PortSpec::containerPort).orElseThrow(() -> new InternalException(
            "grpc probe of " + owner + " names no known port; the spec check should have caught it"));
  }

  private static Map<String, Object> resources(ResourcesSpec resources) {
    Map<String, Object> v = new LinkedHashMap<>();
    Map<String, Object> requests = quantities(resources.requests());
    Map<String, Object> limits = quantities(resources.limits());
    if (!requests.isEmpty()) {
      v.put("requests", requests);
    }
    if (!limits.isEmpty()) {
      v.put("limits", limits);
    }
    return v;
  }

  private static Map<String, Object> quantities(ResourcesSpec.Quantities quantities) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (quantities.cpu() != null) {
      v.put("cpu", quantities.cpu());
    }
    if (quantities.memory() != null) {
      v.put("memory", quantities.memory());
    }
    return v;
  }

  private static Map<String, Object> autoscaling(AutoscalingSpec autoscaling, int replicas) {
    if (autoscaling == null) {
      return ordered("enabled", false, "minReplicas", Math.max(1, replicas),
          "maxReplicas", Math.max(1, replicas) * 2, "targetCPUUtilizationPercentage", 80);
    }
    Map<String, Object> v = ordered("enabled", true, "minReplicas", autoscaling.min(),
        "maxReplicas", autoscaling.max());
    putIfSet(v, "targetCPUUtilizationPercentage", autoscaling.cpuPercent());
    putIfSet(v, "targetMemoryUtilizationPercentage", autoscaling.memoryPercent());
    return v;
  }

  private static List<Object> rules(RbacRuleSpec.Rbac rbac) {
    List<Object> rules = new ArrayList<>();
    for (RbacRuleSpec rule : rbac.rules()) {
      rules.add(ordered("apiGroups", rule.apiGroups(), "resources", rule.resources(), "verbs", rule.verbs()));
    }
    return rules;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** A LinkedHashMap from alternating keys and values. */
  public static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
