package dev.chartfactory.core.resolve;

import dev.chartfactory.core.spec.AppSpec;
import dev.chartfactory.core.spec.BlueprintParams;
import dev.chartfactory.core.spec.AutoscalingSpec;
import dev.chartfactory.core.spec.ComponentSpec;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.spec.ContainerSpec;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.spec.InstanceSpec;
import dev.chartfactory.core.spec.OverrideSpec;
import dev.chartfactory.core.spec.ProbeSpec;
import dev.chartfactory.core.spec.ResourcesSpec;
import dev.chartfactory.core.spec.SpecDefaults;
import dev.chartfactory.core.spec.Visibility;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Merges defaults ← app ← instance into immutable resolved records, per environment. Values a
 * user wrote are never replaced by defaults; defaults only fill what is unset.
 */
public final class SpecResolver {

  /** The tag used when neither the app nor the instance names a version. */
  public static final String UNVERSIONED_TAG = SpecDefaults.UNVERSIONED_TAG;
  static final int DEFAULT_REPLICAS = SpecDefaults.REPLICAS;

  /**
   * Inputs of one resolution, compared by identity: a long-lived loader hands back the very same
   * spec objects for files that did not change, so their resolution can be reused.
   */
  private record Inputs(FactorySpec factory, AppSpec app, EnvironmentSpec environment, InstanceSpec instance,
      java.util.Map<String, java.util.Map<String, Object>> paramDefaults) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Inputs o && o.factory == factory && o.app == app
          && o.environment == environment && o.instance == instance && o.paramDefaults.equals(paramDefaults);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(factory) * 31 * 31 * 31 + System.identityHashCode(app) * 31 * 31
          + System.identityHashCode(environment) * 31 + System.identityHashCode(instance);
    }
  }

  private java.util.Map<Inputs, ResolvedApp> previous = new java.util.HashMap<>();

  public ResolvedPlatform resolve(ConfigRepo repo) {
    java.util.Map<Inputs, ResolvedApp> current = new java.util.HashMap<>();
    ResolvedPlatform platform = resolve(repo, current);
    previous = current;
    return platform;
  }

  private ResolvedApp resolveApp(FactorySpec factory, AppSpec app, EnvironmentSpec environment,
      InstanceSpec instance, java.util.Map<Inputs, ResolvedApp> current) {
    Inputs inputs = new Inputs(factory, app, environment, instance, paramDefaults);
    ResolvedApp resolved = previous.get(inputs);
    if (resolved == null) {
      resolved = resolveApp(factory, app, environment, instance);
    }
    current.put(inputs, resolved);
    return resolved;
  }

  /** Declared blueprint params' defaults by component type, of the repo being resolved. */
  private java.util.Map<String, java.util.Map<String, Object>> paramDefaults = java.util.Map.of();

  private ResolvedPlatform resolve(ConfigRepo repo, java.util.Map<Inputs, ResolvedApp> current) {
    java.util.Map<String, java.util.Map<String, Object>> defaults = new TreeMap<>();
    BlueprintParams.declaredIn(repo.templateOverrides()).forEach((type, d) -> defaults.put(type, d.defaults()));
    paramDefaults = defaults;
    SortedMap<String, ResolvedApp> base = new TreeMap<>();
    SortedMap<String, SortedMap<String, ResolvedApp>> environments = new TreeMap<>();
    for (AppSpec app : repo.apps().values()) {
      base.put(app.name(), resolveApp(repo.factory(), app, null, null, current));
    }
    for (EnvironmentSpec environment : repo.environments().values()) {
      SortedMap<String, ResolvedApp> apps = new TreeMap<>();
      for (AppSpec app : repo.apps().values()) {
        InstanceSpec instance = repo.instancesOf(app.name()).get(environment.name());
        if (instance != null) {
          apps.put(app.name(), resolveApp(repo.factory(), app, environment, instance, current));
        }
      }
      environments.put(environment.name(), apps);
    }
    return new ResolvedPlatform(repo, base, environments);
  }

  private ResolvedApp resolveApp(FactorySpec factory, AppSpec app, EnvironmentSpec environment,
      InstanceSpec instance) {
    String version = instance != null && instance.version() != null ? instance.version() : app.version();
    SortedMap<String, ResolvedComponent> components = new TreeMap<>();
    for (ComponentSpec component : app.components().values()) {
      OverrideSpec override = instance == null
          ? OverrideSpec.NONE
          : instance.components().getOrDefault(component.name(), OverrideSpec.NONE);
      components.put(component.name(),
          resolveComponent(factory, app, environment, version, component, override));
    }
    String namespace = environment == null ? null
        : environment.namespacePrefix() != null ? environment.namespacePrefix() + app.name()
        : environment.namespace() != null ? environment.namespace()
        : factory.umbrella().namespace();
    return new ResolvedApp(app.name(), environment == null ? null : environment.name(),
        app.description(), app.chartVersion(), version == null ? UNVERSIONED_TAG : version,
        namespace, instance == null || instance.enabled(), components, app.rbac(), app.origin());
  }

  private ResolvedComponent resolveComponent(FactorySpec factory, AppSpec app,
      EnvironmentSpec environment, String version, ComponentSpec component, OverrideSpec override) {
    OverrideSpec defaults = factory.defaults();
    String tag = firstNonNull(override.tag(), version, defaults.tag(), UNVERSIONED_TAG);
    String imageName = firstNonNull(override.image(), component.image());
    ImageRef image = ImageRef.parse(imageName, factory.registry(), tag);
    if (override.tag() != null) {
      image = image.withTag(override.tag());
    }
    String pullPolicy = firstNonNull(override.pullPolicy(), defaults.pullPolicy(),
        UNVERSIONED_TAG.equals(image.tag()) ? "Always" : "IfNotPresent");

    ResourcesSpec resources = ResourcesSpec.NONE
        .overriddenBy(defaults.resources())
        .overriddenBy(component.resources())
        .overriddenBy(override.resources());
    AutoscalingSpec autoscaling = null;
    if (component.autoscaling() != null || override.autoscaling() != null) {
      autoscaling = new AutoscalingSpec(null, null, null, null)
          .overriddenBy(defaults.autoscaling())
          .overriddenBy(component.autoscaling())
          .overriddenBy(override.autoscaling());
      if (autoscaling.cpuPercent() == null && autoscaling.memoryPercent() == null) {
        autoscaling = autoscaling.overriddenBy(new AutoscalingSpec(null, null, 80, null));
      }
      if (autoscaling.min() == null) {
        autoscaling = autoscaling.overriddenBy(new AutoscalingSpec(1, null, null, null));
      }
      if (autoscaling.max() == null) {
        autoscaling = autoscaling.overriddenBy(
            new AutoscalingSpec(null, Math.max(autoscaling.min(), 1) * 2, null, null));
      }
    }
    ProbeSpec.Probes probes = ProbeSpec.Probes.NONE
        .overriddenBy(defaults.probes())
        .overriddenBy(component.probes())
        .overriddenBy(override.probes());

    SortedMap<String, String> env = new TreeMap<>(defaults.env());
    env.putAll(component.env());
    env.putAll(override.env());

    Visibility visibility = component.visibility() != null ? component.visibility() : Visibility.CLUSTER;
    String host = visibility.exposed()
        ? firstNonNull(override.host(), component.host(), defaultHost(app, component)) : null;
    int replicas = firstNonNull(override.replicas(), component.replicas(), defaults.replicas(),
        DEFAULT_REPLICAS);
    boolean enabled = override.enabled() == null || override.enabled();
    String concurrencyPolicy = component.type() == ComponentType.CRON
        ? firstNonNull(component.concurrencyPolicy(), "Forbid") : null;

    return new ResolvedComponent(component.name(), component.type(), enabled, image, pullPolicy,
        component.command(), component.args(), component.ports(), visibility, host,
        firstNonNull(component.path(), "/"), probes, resources, replicas, autoscaling, env,
        new TreeMap<>(component.secretEnv()), component.volumes(), component.schedule(),
        concurrencyPolicy, component.timeZone(), component.resourceNamePattern(), component.service(),
        component.extraServices(), component.pod(),
        containers(component.containers().init(), factory, tag, defaults),
        containers(component.containers().sidecars(), factory, tag, defaults), params(component),
        component.origin(),
        override == OverrideSpec.NONE ? null : override.origin());
  }

  // --- init containers and sidecars (#15) ---
  private static java.util.List<ResolvedContainer> containers(java.util.List<ContainerSpec> specs,
      FactorySpec factory, String tag, OverrideSpec defaults) {
    return specs.stream().map(spec -> {
      ImageRef image = ImageRef.parse(spec.image(), factory.registry(), tag);
      String pullPolicy = firstNonNull(defaults.pullPolicy(),
          UNVERSIONED_TAG.equals(image.tag()) ? "Always" : "IfNotPresent");
      ResourcesSpec resources = ResourcesSpec.NONE.overriddenBy(defaults.resources()).overriddenBy(spec.resources());
      return new ResolvedContainer(spec, image, pullPolicy, resources);
    }).toList();
  }
  // --- end init containers and sidecars ---

  /** The params its type's blueprint declares: the spec's values over the declared defaults. */
  private SortedMap<String, Object> params(ComponentSpec component) {
    SortedMap<String, Object> params = new TreeMap<>(paramDefaults.getOrDefault(component.type().id(), java.util.Map.of()));
    params.putAll(component.params());
    return params;
  }

  /** {@code shop} for a component named like its app or 'web', else {@code shop-admin}. */
  static String defaultHost(AppSpec app, ComponentSpec component) {
    String name = component.name();
    return name.equals(app.name()) || name.equals("web") ? app.name() : app.name() + "-" + name;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

}
