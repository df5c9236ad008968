package dev.chartfactory.core.spec;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code apps/<name>/app.yaml}: an application and its components.
 *
 * <pre>{@code
 * name: shop
 * description: The web shop
 * version: 1.4.2            # default image tag and the chart's appVersion
 * chartVersion: 1.2.0        # version of the generated chart (default 0.1.0)
 * components: {...}
 * rbac: {rules: [...]}       # permissions of the app's ServiceAccount
 * policy:
 *   waive: {non-root: "the upstream image needs root to bind port 80"}
 * }</pre>
 *
 * @param components by name, sorted so generated output is stable
 */
public record AppSpec(
    String name,
    String description,
    String version,
    String chartVersion,
    SortedMap<String, ComponentSpec> components,
    RbacRuleSpec.Rbac rbac,
    SortedMap<String, String> waivers,
    Origin origin) {

  public AppSpec {
    waivers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(waivers));
    components = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(components));
  }

  public static AppSpec of(String name, String description, String version, String chartVersion,
      Map<String, ComponentSpec> components, RbacRuleSpec.Rbac rbac, Map<String, String> waivers,
      Origin origin) {
    return new AppSpec(name, description, version, chartVersion, new TreeMap<>(components), rbac,
        new TreeMap<>(waivers), origin);
  }
}
