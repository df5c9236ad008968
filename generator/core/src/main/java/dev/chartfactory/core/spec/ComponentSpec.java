package dev.chartfactory.core.spec;

import java.util.List;
import java.util.Map;

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
 * }</pre>
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
    Origin origin) {

  public ComponentSpec {
    command = List.copyOf(command);
    args = List.copyOf(args);
    ports = List.copyOf(ports);
    env = Map.copyOf(env);
    secretEnv = Map.copyOf(secretEnv);
    volumes = List.copyOf(volumes);
  }
}
