package dev.chartfactory.core.load;

import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.spec.AppSpec;
import dev.chartfactory.core.spec.AutoscalingSpec;
import dev.chartfactory.core.spec.ComponentSpec;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.ContainerSpec;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.spec.InstanceSpec;
import dev.chartfactory.core.spec.Origin;
import dev.chartfactory.core.spec.OverrideSpec;
import dev.chartfactory.core.spec.PodSettingsSpec;
import dev.chartfactory.core.spec.PortSpec;
import dev.chartfactory.core.spec.ProbeSpec;
import dev.chartfactory.core.spec.RbacRuleSpec;
import dev.chartfactory.core.spec.ResourcesSpec;
import dev.chartfactory.core.spec.SecretRef;
import dev.chartfactory.core.spec.ServiceSpec;
import dev.chartfactory.core.spec.SpecDefaults;
import dev.chartfactory.core.spec.Visibility;
import dev.chartfactory.core.spec.VolumeSpec;
import dev.chartfactory.core.yaml.YamlNode;
import dev.chartfactory.core.yaml.YamlNode.Mapping;
import dev.chartfactory.core.yaml.YamlNode.Scalar;
import dev.chartfactory.core.yaml.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a schema-checked YAML tree into spec records. The JSON Schema already guaranteed the
 * shape, so this class only converts; defaults that depend on other files are left null for
 * the resolver.
 */
final class SpecBinder {

  public FactorySpec factory(Mapping root) {
    Mapping umbrella = map(root, "umbrella");
    Mapping certManager = map(root, "certManager");
    return new FactorySpec(
        text(root, "registry", SpecDefaults.REGISTRY),
        new FactorySpec.UmbrellaSpec(
            text(umbrella, "name", SpecDefaults.UMBRELLA_NAME),
            text(umbrella, "namespace", SpecDefaults.UMBRELLA_NAMESPACE),
            text(umbrella, "version", SpecDefaults.UMBRELLA_VERSION)),
        new FactorySpec.CertManagerSpec(
            bool(certManager, "enabled", SpecDefaults.CERT_MANAGER_ENABLED),
            text(certManager, "issuer", SpecDefaults.CERT_MANAGER_ISSUER)),
        strings(root, "imagePullSecrets"),
        root.get("defaults") instanceof Mapping defaults
            ? override(defaults, "defaults") : OverrideSpec.NONE,
        origin(root, ""));
  }

  public EnvironmentSpec environment(Mapping root) {
    Mapping ingress = map(root, "ingress");
    Mapping gateway = map(root, "gateway");
    Mapping quota = map(root, "quota");
    Mapping cluster = map(root, "cluster");
    return new EnvironmentSpec(
        text(root, "name", null),
        bool(root, "dev", false),
        text(root, "namespace", null),
        text(root, "namespacePrefix", null),
        text(root, "domain", null),
        new EnvironmentSpec.IngressSpec(
            text(ingress, "className", "traefik"), text(ingress, "privateClassName", null),
            bool(ingress, "tls", true), text(ingress, "clusterIssuer", null),
            text(ingress, "issuer", null), acme(map(ingress, "acme"))),
        gateway == null ? null
            : new EnvironmentSpec.GatewaySpec(text(gateway, "name", null), text(gateway, "namespace", null)),
        quota == null ? null
            : new EnvironmentSpec.QuotaSpec(
                text(quota, "cpu", null), text(quota, "memory", null), text(quota, "storage", null)),
        cluster == null ? EnvironmentSpec.ClusterSpec.CURRENT
            : new EnvironmentSpec.ClusterSpec(text(cluster, "name", null), text(cluster, "server", null),
                text(cluster, "kubeContext", null), text(cluster, "kubeconfig", null),
                text(cluster, "fluxKubeConfigSecret", null)),
        origin(root, ""));
  }

  private static EnvironmentSpec.AcmeSpec acme(Mapping node) {
    return node == null ? null : new EnvironmentSpec.AcmeSpec(text(node, "email", null),
        text(node, "server", EnvironmentSpec.AcmeSpec.LETS_ENCRYPT), text(node, "solverClassName", null),
        origin(node, "ingress.acme"));
  }

  public AppSpec app(Mapping root) {
    Map<String, ComponentSpec> components = new LinkedHashMap<>();
    Mapping componentsNode = map(root, "components");
    if (componentsNode != null) {
      componentsNode.entries().forEach((name, entry) ->
          components.put(name, component(name, (Mapping) entry.value(), "components." + name)));
    }
    RbacRuleSpec.Rbac rbac = RbacRuleSpec.Rbac.NONE;
    Mapping rbacNode = map(root, "rbac");
    if (rbacNode != null) {
      List<RbacRuleSpec> rules = new ArrayList<>();
      Sequence ruleNodes = rbacNode.get("rules") instanceof Sequence s ? s : null;
      if (ruleNodes != null) {
        for (int i = 0; i < ruleNodes.items().size(); i++) {
          Mapping rule = (Mapping) ruleNodes.items().get(i);
          List<String> groups = rule.get("apiGroups") == null ? List.of("") : strings(rule, "apiGroups");
          rules.add(new RbacRuleSpec(groups, strings(rule, "resources"), strings(rule, "verbs"),
              origin(rule, "rbac.rules[" + i + "]")));
        }
      }
      rbac = new RbacRuleSpec.Rbac(bool(rbacNode, "clusterWide", false), rules);
    }
    return AppSpec.of(
        text(root, "name", null),
        text(root, "description", ""),
        text(root, "version", null),
        text(root, "chartVersion", SpecDefaults.CHART_VERSION),
        components, rbac, waivers(map(map(root, "policy"), "waive")), origin(root, ""));
  }

  public InstanceSpec instance(String app, String environment, Mapping root) {
    Map<String, OverrideSpec> overrides = new LinkedHashMap<>();
    Mapping componentsNode = map(root, "components");
    if (componentsNode != null) {
      componentsNode.entries().forEach((name, entry) ->
          overrides.put(name, override((Mapping) entry.value(), "components." + name)));
    }
    return InstanceSpec.of(app, environment, text(root, "version", null),
        bool(root, "enabled", true), overrides, origin(root, ""));
  }

  private static Map<String, String> waivers(Mapping node) {
    Map<String, String> waivers = new TreeMap<>();
    if (node != null) {
      node.entries().forEach((rule, entry) -> waivers.put(rule, ((Scalar) entry.value()).text()));
    }
    return waivers;
  }

  private ComponentSpec component(String name, Mapping node, String path) {
    List<PortSpec> ports = new ArrayList<>();
    if (node.get("port") instanceof Scalar port) {
      ports.add(new PortSpec("http", Integer.parseInt(port.text()), null, PortSpec.Protocol.HTTP,
          new Origin(port.location(), path + ".port", Map.of("port", port.location()))));
    }
    ports.addAll(ports(node, path));
    List<VolumeSpec> volumes = new ArrayList<>();
    if (node.get("volumes") instanceof Sequence volumeNodes) {
      for (int i = 0; i < volumeNodes.items().size(); i++) {
        volumes.add(volume((Mapping) volumeNodes.items().get(i), path + ".volumes[" + i + "]"));
      }
    }
    Map<String, SecretRef> secretEnv = secretEnv(node, path);
    String visibility = text(node, "visibility", null);
    return new ComponentSpec(
        name,
        ComponentType.of(text(node, "type", null)),
        text(node, "image", null),
        strings(node, "command"),
        strings(node, "args"),
        ports,
        visibility == null ? null : Visibility.valueOf(visibility.toUpperCase(Locale.ROOT)),
        text(node, "host", null),
        text(node, "path", null),
        probes(map(node, "probes"), path + ".probes"),
        resources(map(node, "resources")),
        nullableInteger(node, "replicas"),
        autoscaling(map(node, "autoscaling")),
        env(map(node, "env")),
        secretEnv,
        volumes,
        text(node, "schedule", null),
        text(node, "concurrencyPolicy", null),
        text(node, "timeZone", null),
        text(node, "resourceName", null),
        service(map(node, "service"), path + ".service"),
        extraServices(map(node, "extraServices"), path + ".extraServices"),
        podSettings(node, path),
        containers(node, path),
        params(map(node, "params")),
        origin(node, path));
  }

  // --- blueprint parameters (#15) ---
  /** Param values as plain Java values, typed as the schema check read them. */
  private static java.util.SortedMap<String, Object> params(Mapping node) {
    java.util.SortedMap<String, Object> params = new TreeMap<>();
    if (node != null) {
      node.entries().forEach((key, entry) -> params.put(key, plain(entry.value())));
    }
    return params;
  }

  private static Object plain(YamlNode node) {
    if (node instanceof Mapping mapping) {
      Map<String, Object> out = new LinkedHashMap<>();
      mapping.entries().forEach((key, entry) -> out.put(key, plain(entry.value())));
      return out;
    }
    if (node instanceof Sequence sequence) {
      return sequence.items().stream().map(SpecBinder::plain).toList();
    }
    Scalar scalar = (Scalar) node;
    return switch (scalar.type()) {
      case NULL -> "";
      case BOOLEAN -> isTrue(scalar.text());
      case INTEGER -> Long.valueOf(scalar.text().replace("_", ""));
      case FLOAT -> Double.valueOf(scalar.text().replace("_", ""));
      case STRING -> scalar.text();
    };
  }
  // --- end blueprint parameters ---

  private List<PortSpec> ports(Mapping node, String path) {
    List<PortSpec> ports = new ArrayList<>();
    if (node.get("ports") instanceof Sequence portNodes) {
      for (int i = 0; i < portNodes.items().size(); i++) {
        Mapping port = (Mapping) portNodes.items().get(i);
        PortSpec.Protocol protocol =
            PortSpec.Protocol.valueOf(text(port, "protocol", "http").toUpperCase(Locale.ROOT));
        String defaultName = i == 0 && protocol.routedByHost() ? protocol.id() : protocol.id() + "-" + i;
        ports.add(new PortSpec(text(port, "name", defaultName), integer(port, "port"),
            nullableInteger(port, "targetPort"), protocol,
            origin(port, path + ".ports[" + i + "]")));
      }
    }
    return ports;
  }

  private Map<String, SecretRef> secretEnv(Mapping node, String path) {
    Map<String, SecretRef> secretEnv = new TreeMap<>();
    Mapping secretNodes = map(node, "secretEnv");
    if (secretNodes != null) {
      secretNodes.entries().forEach((key, entry) -> {
        Mapping ref = (Mapping) entry.value();
        secretEnv.put(key, new SecretRef(text(ref, "secret", null), text(ref, "key", null),
            origin(ref, path + ".secretEnv." + key)));
      });
    }
    return secretEnv;
  }

  // --- init containers and sidecars (#15) ---
  private ContainerSpec.Containers containers(Mapping node, String path) {
    List<ContainerSpec> init = containerList(node, "initContainers", path);
    List<ContainerSpec> sidecars = containerList(node, "sidecars", path);
    return init.isEmpty() && sidecars.isEmpty() ? ContainerSpec.Containers.NONE
        : new ContainerSpec.Containers(init, sidecars);
  }

  private List<ContainerSpec> containerList(Mapping node, String key, String path) {
    List<ContainerSpec> containers = new ArrayList<>();
    if (node.get(key) instanceof Sequence items) {
      for (int i = 0; i < items.items().size(); i++) {
        Mapping item = (Mapping) items.items().get(i);
        String at = path + "." + key + "[" + i + "]";
        ProbeSpec.Probes probes = probes(map(item, "probes"), at + ".probes");
        containers.add(new ContainerSpec(text(item, "name", null), text(item, "image", null),
            strings(item, "command"), strings(item, "args"), ports(item, at),
            probes == null ? ProbeSpec.Probes.NONE : probes, resources(map(item, "resources")),
            env(map(item, "env")), secretEnv(item, at), securityContext(map(item, "securityContext"), at),
            origin(item, at)));
      }
    }
    return containers;
  }
  // --- end init containers and sidecars ---

  private PodSettingsSpec podSettings(Mapping node, String path) {
    PodSettingsSpec.SecurityContext securityContext = securityContext(map(node, "securityContext"), path);
    Mapping preStop = map(node, "preStop");
    PodSettingsSpec.Hook hook = null;
    if (preStop != null) {
      Mapping exec = map(preStop, "exec");
      Mapping http = map(preStop, "http");
      hook = new PodSettingsSpec.Hook(strings(exec, "command"), http == null ? null : text(http, "path", "/"),
          text(http, "port", null), origin(preStop, path + ".preStop"));
    }
    return new PodSettingsSpec(securityContext, nullableInteger(node, "terminationGracePeriodSeconds"),
        strings(map(node, "podAnnotations")), strings(map(node, "podLabels")), hook);
  }

  private PodSettingsSpec.SecurityContext securityContext(Mapping security, String path) {
    if (security == null) {
      return null;
    }
    Mapping seccomp = map(security, "seccompProfile");
    return new PodSettingsSpec.SecurityContext(
        security.get("readOnlyRootFilesystem") == null ? null : bool(security, "readOnlyRootFilesystem", false),
        nullableInteger(security, "runAsUser"), nullableInteger(security, "runAsGroup"),
        nullableInteger(security, "fsGroup"), text(seccomp, "type", null),
        text(seccomp, "localhostProfile", null), strings(security, "addCapabilities"),
        origin(security, path + ".securityContext"));
  }

  private ServiceSpec service(Mapping node, String path) {
    if (node == null) {
      return null;
    }
    String type = text(node, "type", null);
    return new ServiceSpec(type == null ? null : ServiceSpec.Type.of(type), strings(map(node, "annotations")),
        strings(map(node, "labels")), strings(node, "ports"), origin(node, path));
  }

  private java.util.SortedMap<String, ServiceSpec> extraServices(Mapping node, String path) {
    java.util.SortedMap<String, ServiceSpec> services = new TreeMap<>();
    if (node != null) {
      node.entries().forEach((name, entry) ->
          services.put(name, service((Mapping) entry.value(), path + "." + name)));
    }
    return services;
  }

  /** A map of strings (annotations, labels), in key order. */
  private static java.util.SortedMap<String, String> strings(Mapping node) {
    java.util.SortedMap<String, String> out = new TreeMap<>();
    if (node != null) {
      node.entries().forEach((key, entry) -> {
        if (entry.value() instanceof Scalar scalar) {
          out.put(key, scalar.text());
        }
      });
    }
    return out;
  }

  private OverrideSpec override(Mapping node, String path) {
    Boolean enabled = node.get("enabled") instanceof Scalar s ? isTrue(s.text()) : null;
    return new OverrideSpec(
        enabled,
        nullableInteger(node, "replicas"),
        text(node, "image", null),
        text(node, "tag", null),
        text(node, "pullPolicy", null),
        text(node, "host", null),
        node.get("resources") instanceof Mapping r ? resources(r) : null,
        autoscaling(map(node, "autoscaling")),
        probes(map(node, "probes"), path + ".probes"),
        env(map(node, "env")),
        origin(node, path));
  }

  private VolumeSpec volume(Mapping node, String path) {
    VolumeSpec.Kind kind;
    String source = null;
    if (node.get("configMap") != null) {
      kind = VolumeSpec.Kind.CONFIG_MAP;
      source = text(node, "configMap", null);
    } else if (node.get("secret") != null) {
      kind = VolumeSpec.Kind.SECRET;
      source = text(node, "secret", null);
    } else if (node.get("emptyDir") != null) {
      kind = VolumeSpec.Kind.EMPTY_DIR;
    } else {
      kind = VolumeSpec.Kind.PERSISTENT;
    }
    return new VolumeSpec(text(node, "name", null), text(node, "mountPath", null), kind,
        text(node, "size", null), text(node, "storageClass", null), source,
        bool(node, "readOnly", false), origin(node, path));
  }

  private ProbeSpec.Probes probes(Mapping node, String path) {
    if (node == null) {
      return null;
    }
    return new ProbeSpec.Probes(
        probe(map(node, "liveness"), path + ".liveness"),
        probe(map(node, "readiness"), path + ".readiness"),
        probe(map(node, "startup"), path + ".startup"));
  }

  private ProbeSpec probe(Mapping node, String path) {
    if (node == null) {
      return null;
    }
    ProbeSpec.Kind kind = null;
    Mapping detail = null;
    for (ProbeSpec.Kind candidate : ProbeSpec.Kind.values()) {
      if (node.get(candidate.id()) instanceof Mapping m) {
        kind = candidate;
        detail = m;
        break;
      }
    }
    return new ProbeSpec(
        kind,
        detail == null ? null : text(detail, "path", null),
        detail == null ? null : text(detail, "port", null),
        detail == null ? List.of() : strings(detail, "command"),
        nullableInteger(node, "initialDelaySeconds"),
        nullableInteger(node, "periodSeconds"),
        nullableInteger(node, "timeoutSeconds"),
        nullableInteger(node, "failureThreshold"),
        detail == null ? new TreeMap<>() : strings(map(detail, "headers")),
        origin(node, path));
  }

  private ResourcesSpec resources(Mapping node) {
    if (node == null) {
      return null;
    }
    return new ResourcesSpec(quantities(map(node, "requests")), quantities(map(node, "limits")));
  }

  private ResourcesSpec.Quantities quantities(Mapping node) {
    if (node == null) {
      return ResourcesSpec.Quantities.NONE;
    }
    return new ResourcesSpec.Quantities(text(node, "cpu", null), text(node, "memory", null));
  }

  private AutoscalingSpec autoscaling(Mapping node) {
    if (node == null) {
      return null;
    }
    return new AutoscalingSpec(nullableInteger(node, "min"), nullableInteger(node, "max"),
        nullableInteger(node, "cpuPercent"), nullableInteger(node, "memoryPercent"));
  }

  private Map<String, String> env(Mapping node) {
    Map<String, String> env = new TreeMap<>();
    if (node != null) {
      node.entries().forEach((key, entry) -> {
        if (entry.value() instanceof Scalar scalar) {
          env.put(key, scalar.text());
        }
      });
    }
    return env;
  }

  /** The object's location and the locations of each of its keys' values. */
  static Origin origin(Mapping node, String path) {
    Map<String, SourceLocation> fields = new LinkedHashMap<>();
    node.entries().forEach((key, entry) -> {
      fields.put(key, entry.value().location());
      if (entry.value() instanceof Mapping child) {
        // One level down, so rules can point at e.g. env.DB_PASSWORD rather than env.
        child.entries().forEach((subKey, sub) -> fields.put(key + "." + subKey, sub.keyLocation()));
      }
    });
    return new Origin(node.location(), path, fields);
  }

  private static Mapping map(Mapping node, String key) {
    return node != null && node.get(key) instanceof Mapping m ? m : null;
  }

  private static String text(Mapping node, String key, String fallback) {
    if (node != null && node.get(key) instanceof Scalar scalar
        && scalar.type() != YamlNode.ScalarType.NULL) {
      return scalar.text();
    }
    return fallback;
  }

  private static boolean bool(Mapping node, String key, boolean fallback) {
    String text = text(node, key, null);
    return text == null ? fallback : isTrue(text);
  }

  private static boolean isTrue(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> true;
      default -> false;
    };
  }

  private static int integer(Mapping node, String key) {
    return Integer.parseInt(text(node, key, "0").replace("_", ""));
  }

  private static Integer nullableInteger(Mapping node, String key) {
    String text = text(node, key, null);
    return text == null ? null : Integer.valueOf(text.replace("_", ""));
  }

  private static List<String> strings(Mapping node, String key) {
    List<String> out = new ArrayList<>();
    if (node != null && node.get(key) instanceof Sequence seq) {
      for (YamlNode item : seq.items()) {
        if (item instanceof Scalar scalar) {
          out.add(scalar.text());
        }
      }
    }
    return out;
  }
}
