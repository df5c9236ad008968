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
 * @param references every {@code ${ref:…}} link, per environment and for the base (empty until
 *     {@link ServiceReferenceLinker} has run)
 */
public record ResolvedPlatform(
    ConfigRepo repo,
    SortedMap<String, ResolvedApp> baseApps,
    SortedMap<String, SortedMap<String, ResolvedApp>> environments,
    java.util.List<ResolvedReference> references) {

  /** Before references are linked. */
  public ResolvedPlatform(ConfigRepo repo, SortedMap<String, ResolvedApp> baseApps,
      SortedMap<String, SortedMap<String, ResolvedApp>> environments) {
    this(repo, baseApps, environments, java.util.List.of());
  }

  public ResolvedPlatform {
    references = java.util.List.copyOf(references);
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

  /** The apps whose env values refer to one of {@code callees}, in any environment or the base. */
  /** The apps whose charts hold another app's address ({@code ${ref:…}} in some env value). */
  public java.util.Set<String> callers() {
    java.util.Set<String> callers = new java.util.TreeSet<>();
    references.forEach(reference -> callers.add(reference.fromApp()));
    return callers;
  }

  public java.util.Set<String> callersOf(java.util.Collection<String> callees) {
    java.util.Set<String> callers = new java.util.TreeSet<>();
    for (ResolvedReference reference : references) {
      if (callees.contains(reference.toApp())) {
        callers.add(reference.fromApp());
      }
    }
    return callers;
  }
}
