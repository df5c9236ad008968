package dev.chartfactory.core.spec;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One deployable part of an application, as written in {@code apps/<app>/app.yaml}.
 *
 * <pre>{@code
 * components:
 *   web:
 *     type: webapp
 *     image: shop-web              # registry prepended unless already qualified
 *     ports: [{name: http, port: 8080, protocol: http}]   # or the shorthand port: 8080
 *     visibility: public           # public | private | cluster
 *     host: shop                   # public hosts become shop.<environment domain>
 *     probes:
 *       liveness: {http: {path: /health}}
 *       readiness: {http: {path: /ready}}
 *     resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {memory: 512Mi}}
 *     replicas: 2
 *     autoscaling: {min: 2, max: 5, cpuPercent: 70}
 *     env: {LOG_LEVEL: info}
 *     secretEnv: {DB_PASSWORD: {secret: shop-db, key: password}}
 *   nightly: {type: cron, image: shop-tools, schedule: "0 3 * * *", command: [./prune]}
 *   api: {type: webapp, image: shop-api, port: 8080, resourceName: "{app}"}   # named 'shop'
 *   front:
 *     ports: [{name: http, port: 80, targetPort: 8080}]    # Service port 80 → container 8080
 *     service: {type: ClusterIP, annotations: {...}, labels: {...}}         # or NodePort, LoadBalancer, Headless
 *     extraServices: {external: {type: LoadBalancer, ports: [http]}}        # Service <name>-external
 *     initContainers: [{name: migrate, image: shop-api, command: [./migrate]}]  # see ContainerSpec
 *     sidecars: [{name: proxy, image: envoyproxy/envoy:v1.30.1}]
 *     params: {metricsPort: 9090}        # declared by templates/webapp/params.schema.json
 * }</pre>
 *
 * @param service null when not written (a ClusterIP Service over every port)
 * @param pod security context, grace period, pod annotations and labels, preStop hook
 *     ({@link PodSettingsSpec#NONE} when none is written)
 * @param extraServices Services beside the main one, named {@code <resource name>-<key>}
 * @param params values of the parameters the blueprint of its type declares in
 *     {@code templates/<type>/params.schema.json} (empty when none are written)
 * @param containers init containers and sidecars ({@link ContainerSpec.Containers#NONE} when none)
 *
 * Fields that are null were not written and are filled from defaults when resolving.
 */
public record ComponentSpec(
    String name,
    ComponentType type,
    String image,
    List<String> command,
    List<String> args,
    List<PortSpec> ports,
    Visibility visibility,
    String host,
    String path,
    ProbeSpec.Probes probes,
    ResourcesSpec resources,
    Integer replicas,
    AutoscalingSpec autoscaling,
    Map<String, String> env,
    Map<String, SecretRef> secretEnv,
    List<VolumeSpec> volumes,
    String schedule,
    String concurrencyPolicy,
    String timeZone,
    String resourceName,
    ServiceSpec service,
    SortedMap<String, ServiceSpec> extraServices,
    PodSettingsSpec pod,
    // --- init containers and sidecars (#15) ---
    ContainerSpec.Containers containers,
    // --- end init containers and sidecars ---
    // --- blueprint parameters (#15) ---
    SortedMap<String, Object> params,
    // --- end blueprint parameters ---
    Origin origin) {

  /** What resources are named when {@code resourceName} is not written. */
  public static final String DEFAULT_RESOURCE_NAME = "{app}-{component}";

  public ComponentSpec {
    command = List.copyOf(command);
    args = List.copyOf(args);
    ports = List.copyOf(ports);
    env = Map.copyOf(env);
    secretEnv = Map.copyOf(secretEnv);
    volumes = List.copyOf(volumes);
    extraServices = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(extraServices));
    params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
  }

  /** The name pattern its resources get, {@code {app}} and {@code {component}} still in it. */
  public String resourceNamePattern() {
    return resourceName == null ? DEFAULT_RESOURCE_NAME : resourceName;
  }

  /** The name of its Deployment/StatefulSet/CronJob, Service, HPA, PDB and routes in app {@code app}. */
  public String resourceNameIn(String app) {
    return resourceNameOf(resourceNamePattern(), app, name);
  }

  /** {@code pattern} with {@code {app}} and {@code {component}} replaced. */
  public static String resourceNameOf(String pattern, String app, String component) {
    return pattern.replace("{component}", component).replace("{app}", app);
  }
}
