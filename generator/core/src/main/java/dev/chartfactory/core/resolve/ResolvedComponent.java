package dev.chartfactory.core.resolve;

import dev.chartfactory.core.spec.AutoscalingSpec;
import dev.chartfactory.core.spec.ComponentSpec;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.Origin;
import dev.chartfactory.core.spec.PortSpec;
import dev.chartfactory.core.spec.ProbeSpec;
import dev.chartfactory.core.spec.ResourcesSpec;
import dev.chartfactory.core.spec.PodSettingsSpec;
import dev.chartfactory.core.spec.SecretRef;
import dev.chartfactory.core.spec.ServiceSpec;
import dev.chartfactory.core.spec.Visibility;
import dev.chartfactory.core.spec.VolumeSpec;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A component with every default applied, as it runs in one environment (or, for the chart's
 * own values.yaml, as the app declares it before any environment).
 *
 * @param host the host as written (a first label, or a full name with dots) when exposed,
 *     else null; see {@link #fullHost}
 * @param autoscaling null when the component does not autoscale
 * @param resourceNamePattern what its resources are named, with {@code {app}} and
 *     {@code {component}} placeholders ({@link ComponentSpec#resourceNamePattern})
 * @param overrideOrigin where the environment's override was written, or null
 */
public record ResolvedComponent(
    String name,
    ComponentType type,
    boolean enabled,
    ImageRef image,
    String pullPolicy,
    List<String> command,
    List<String> args,
    List<PortSpec> ports,
    Visibility visibility,
    String host,
    String path,
    ProbeSpec.Probes probes,
    ResourcesSpec resources,
    int replicas,
    AutoscalingSpec autoscaling,
    SortedMap<String, String> env,
    SortedMap<String, SecretRef> secretEnv,
    List<VolumeSpec> volumes,
    String schedule,
    String concurrencyPolicy,
    String timeZone,
    String resourceNamePattern,
    ServiceSpec service,
    SortedMap<String, ServiceSpec> extraServices,
    PodSettingsSpec pod,
    // --- init containers and sidecars (#15) ---
    List<ResolvedContainer> initContainers,
    List<ResolvedContainer> sidecars,
    // --- end init containers and sidecars ---
    // --- blueprint parameters (#15) ---
    SortedMap<String, Object> params,
    // --- end blueprint parameters ---
    Origin origin,
    Origin overrideOrigin) {

  public ResolvedComponent {
    command = List.copyOf(command);
    args = List.copyOf(args);
    ports = List.copyOf(ports);
    env = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(env));
    secretEnv = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(secretEnv));
    volumes = List.copyOf(volumes);
    initContainers = List.copyOf(initContainers);
    sidecars = List.copyOf(sidecars);
    params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    extraServices = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(extraServices));
  }

  /** The same component with other env values ({@code ${ref:…}} resolved). */
  public ResolvedComponent withEnv(SortedMap<String, String> newEnv) {
    return new ResolvedComponent(name, type, enabled, image, pullPolicy, command, args, ports, visibility, host,
        path, probes, resources, replicas, autoscaling, newEnv, secretEnv, volumes, schedule, concurrencyPolicy,
        timeZone, resourceNamePattern, service, extraServices, pod, initContainers, sidecars, params, origin,
        overrideOrigin);
  }

  /** The host name clients use: a first label is completed with the environment's domain. */
  public String fullHost(String domain) {
    if (host == null) {
      return null;
    }
    return host.contains(".") || domain == null ? host : host + "." + domain;
  }

  /** The name of its resources in app {@code app}. */
  public String resourceNameIn(String app) {
    return ComponentSpec.resourceNameOf(resourceNamePattern, app, name);
  }

  /** The first port, which probes and routes use when they name none. */
  public PortSpec primaryPort() {
    return ports.isEmpty() ? null : ports.get(0);
  }
}
