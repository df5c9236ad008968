package dev.chartfactory.core.spec;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything read from a config repo, checked for shape but not yet for cross-file rules.
 *
 * @param environments by name
 * @param apps by name
 * @param instances per app name, then per environment name
 * @param templateOverrides blueprint files from the repo's {@code templates/} folder, keyed by
 *     their path below it (e.g. {@code webapp/deployment.yaml.j2}), with their text
 */
public record ConfigRepo(
    FactorySpec factory,
    SortedMap<String, EnvironmentSpec> environments,
    SortedMap<String, AppSpec> apps,
    SortedMap<String, SortedMap<String, InstanceSpec>> instances,
    SortedMap<String, String> templateOverrides) {

  public ConfigRepo {
    environments = unmodifiable(environments);
    apps = unmodifiable(apps);
    SortedMap<String, SortedMap<String, InstanceSpec>> copy = new TreeMap<>();
    instances.forEach((app, byEnv) -> copy.put(app, unmodifiable(byEnv)));
    instances = unmodifiable(copy);
    templateOverrides = unmodifiable(templateOverrides);
  }

  private static <V> SortedMap<String, V> unmodifiable(Map<String, V> map) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /** The instances of one app, by environment; empty when it has none. */
  public SortedMap<String, InstanceSpec> instancesOf(String app) {
    return instances.getOrDefault(app, new TreeMap<>());
  }

  public List<String> environmentNames() {
    return List.copyOf(environments.keySet());
  }
}
