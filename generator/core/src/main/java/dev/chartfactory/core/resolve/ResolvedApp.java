package dev.chartfactory.core.resolve;

import dev.chartfactory.core.spec.Origin;
import dev.chartfactory.core.spec.RbacRuleSpec;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An application with its components resolved, for one environment or for its chart's base
 * values (then {@code environment} is null).
 *
 * @param appVersion the image tag most components run, shown as the chart's appVersion
 * @param namespace where it is installed in this environment (null for the base)
 */
public record ResolvedApp(
    String name,
    String environment,
    String description,
    String chartVersion,
    String appVersion,
    String namespace,
    boolean enabled,
    SortedMap<String, ResolvedComponent> components,
    RbacRuleSpec.Rbac rbac,
    Origin origin) {

  public ResolvedApp {
    components = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(components));
  }
}
