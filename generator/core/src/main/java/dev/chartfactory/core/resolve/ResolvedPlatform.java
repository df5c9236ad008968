package dev.chartfactory.core.resolve;

import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole platform after resolution: every app's base (what its own chart's values.yaml
 * holds) and, per environment, the apps that run there.
 *
 * @param baseApps by app name: defaults ← app, no environment applied
 * @param environments by environment name, then by app name: defaults ← app ← instance
 */
public record ResolvedPlatform(
    ConfigRepo repo,
    SortedMap<String, ResolvedApp> baseApps,
    SortedMap<String, SortedMap<String, ResolvedApp>> environments) {

  public ResolvedPlatform {
    baseApps = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(baseApps));
    SortedMap<String, SortedMap<String, ResolvedApp>> copy = new TreeMap<>();
    environments.forEach((env, apps) ->
        copy.put(env, java.util.Collections.unmodifiableSortedMap(new TreeMap<>(apps))));
    environments = java.util.Collections.unmodifiableSortedMap(copy);
  }

  public FactorySpec factory() {
    return repo.factory();
  }

  public EnvironmentSpec environment(String name) {
    return repo.environments().get(name);
  }
}
