package dev.chartfactory.core.spec;

import java.util.List;
import java.util.Map;

/**
 * An init container or a sidecar of a component, in the component's own vocabulary:
 *
 * <pre>{@code
 * initContainers:                       # run in order, each to completion, before the component
 *   - name: migrate
 *     image: shop-api                   # registry and the app's version added as for components
 *     command: [./migrate, up]
 *     env: {DB_HOST: shop-db}
 *     secretEnv: {DB_PASSWORD: {secret: shop-db, key: password}}
 *     resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
 *     securityContext: {readOnlyRootFilesystem: true}
 * sidecars:                             # run beside the component's container for the pod's life
 *   - name: proxy
 *     image: envoyproxy/envoy:v1.30.1
 *     ports: [{name: admin, port: 9901}]
 *     probes: {readiness: {http: {path: /ready, port: admin}}}
 * }</pre>
 *
 * Each container starts from the chart's secure container defaults (no privilege escalation,
 * drop ALL capabilities); {@code securityContext} changes only what it writes.
 *
 * @param ports sidecars only; init containers have none
 * @param probes sidecars only ({@link ProbeSpec.Probes#NONE} when none is written)
 * @param securityContext null when not written
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    List<String> args,
    List<PortSpec> ports,
    ProbeSpec.Probes probes,
    ResourcesSpec resources,
    Map<String, String> env,
    Map<String, SecretRef> secretEnv,
    PodSettingsSpec.SecurityContext securityContext,
    Origin origin) {

  public ContainerSpec {
    command = List.copyOf(command);
    args = List.copyOf(args);
    ports = List.copyOf(ports);
    env = Map.copyOf(env);
    secretEnv = Map.copyOf(secretEnv);
  }

  /** The same container with other env values ({@code ${ref:…}} resolved). */
  public ContainerSpec withEnv(Map<String, String> newEnv) {
    return new ContainerSpec(name, image, command, args, ports, probes, resources, newEnv, secretEnv,
        securityContext, origin);
  }

  /** A component's init containers and sidecars, each list in the order written. */
  public record Containers(List<ContainerSpec> init, List<ContainerSpec> sidecars) {

    public static final Containers NONE = new Containers(List.of(), List.of());

    public Containers {
      init = List.copyOf(init);
      sidecars = List.copyOf(sidecars);
    }

    public boolean isEmpty() {
      return init.isEmpty() && sidecars.isEmpty();
    }
  }
}
