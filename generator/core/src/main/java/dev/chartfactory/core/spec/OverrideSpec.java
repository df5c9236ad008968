package dev.chartfactory.core.spec;

import java.util.Map;

/**
 * Values layered on top of a component: repo-wide {@code defaults} in factory.yaml, or a
 * per-environment override in an instance file. Every field is optional (null = keep).
 *
 * <pre>{@code
 * components:
 *   web: {replicas: 3, autoscaling: {max: 10}, env: {LOG_LEVEL: warn}, tag: 1.4.3-hotfix}
 * }</pre>
 */
public record OverrideSpec(
    Boolean enabled,
    Integer replicas,
    String image,
    String tag,
    String pullPolicy,
    String host,
    ResourcesSpec resources,
    AutoscalingSpec autoscaling,
    ProbeSpec.Probes probes,
    Map<String, String> env,
    Origin origin) {

  public static final OverrideSpec NONE =
      new OverrideSpec(null, null, null, null, null, null, null, null, null, Map.of(),
          Origin.synthetic(""));

  public OverrideSpec {
    env = Map.copyOf(env);
  }
}
