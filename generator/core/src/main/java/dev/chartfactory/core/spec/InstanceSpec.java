package dev.chartfactory.core.spec;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code apps/<app>/instances/<environment>.yaml}: the application as it runs in one
 * environment. Its presence is what deploys the app there.
 *
 * <pre>{@code
 * version: 1.4.2          # image tag of every component unless a component sets 'tag'
 * enabled: true
 * components:
 *   web: {replicas: 3, autoscaling: {max: 10}}
 * }</pre>
 */
public record InstanceSpec(
    String app,
    String environment,
    String version,
    boolean enabled,
    SortedMap<String, OverrideSpec> components,
    Origin origin) {

  public InstanceSpec {
    components = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(components));
  }

  public static InstanceSpec of(String app, String environment, String version, boolean enabled,
      Map<String, OverrideSpec> components, Origin origin) {
    return new InstanceSpec(app, environment, version, enabled, new TreeMap<>(components), origin);
  }
}
