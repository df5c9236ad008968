package dev.chartfactory.core.resolve;

import dev.chartfactory.core.spec.PortSpec;
import dev.chartfactory.core.spec.ServiceReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Replaces each {@code ${ref:app.component[.port][:form]}} in env values with the callee's
 * Service address as seen from the caller, per environment: the bare Service name when both run
 * in one namespace, {@code <service>.<namespace>.svc} when they do not (cluster-domain
 * independent: pods resolve it through their {@code cluster.local}-style search path). The
 * charts' own values (no environment) use the bare name. {@code $${ref:} becomes the literal
 * {@code ${ref:}.
 *
 * <p>Runs after the spec check, which has already refused references that do not resolve; one
 * that still does not (a callee without an instance, for a disabled caller) resolves as in the
 * base. Components without references keep their identity, so caches keyed on them still hit.
 */
public final class ServiceReferenceLinker {

  public ResolvedPlatform link(ResolvedPlatform platform) {
    List<ResolvedReference> references = new ArrayList<>();
    SortedMap<String, ResolvedApp> base = new TreeMap<>();
    for (ResolvedApp app : platform.baseApps().values()) {
      base.put(app.name(), link(app, platform.baseApps(), platform.baseApps(), references));
    }
    SortedMap<String, SortedMap<String, ResolvedApp>> environments = new TreeMap<>();
    platform.environments().forEach((environment, apps) -> {
      SortedMap<String, ResolvedApp> linked = new TreeMap<>();
      for (ResolvedApp app : apps.values()) {
        linked.put(app.name(), link(app, apps, platform.baseApps(), references));
      }
      environments.put(environment, linked);
    });
    return new ResolvedPlatform(platform.repo(), base, environments, references);
  }

  private static ResolvedApp link(ResolvedApp app, Map<String, ResolvedApp> deployed,
      Map<String, ResolvedApp> baseApps, List<ResolvedReference> references) {
    SortedMap<String, ResolvedComponent> components = new TreeMap<>();
    boolean changed = false;
    for (ResolvedComponent component : app.components().values()) {
      ResolvedComponent linked = link(app, component, deployed, baseApps, references);
      changed |= linked != component;
      components.put(component.name(), linked);
    }
    if (!changed) {
      return app;
    }
    return new ResolvedApp(app.name(), app.environment(), app.description(), app.chartVersion(),
        app.appVersion(), app.namespace(), app.enabled(), components, app.rbac(), app.origin());
  }

  private static ResolvedComponent link(ResolvedApp app, ResolvedComponent component,
      Map<String, ResolvedApp> deployed, Map<String, ResolvedApp> baseApps, List<ResolvedReference> references) {
    if (component.env().values().stream().noneMatch(ServiceReference::mentionedIn)) {
      return component;
    }
    SortedMap<String, String> env = new TreeMap<>(component.env());
    env.replaceAll((name, value) -> ServiceReference.mentionedIn(value)
        ? resolve(app, component, name, value, deployed, baseApps, references) : value);
    return component.withEnv(env);
  }

  private static String resolve(ResolvedApp app, ResolvedComponent caller, String variable, String value,
      Map<String, ResolvedApp> deployed, Map<String, ResolvedApp> baseApps, List<ResolvedReference> references) {
    ServiceReference.Parsed parsed = ServiceReference.parse(value);
    if (parsed.error() != null) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (ServiceReference.Part part : parsed.parts()) {
      out.append(part.reference() == null ? part.literal()
          : address(app, caller, variable, value, part.reference(), deployed, baseApps, references));
    }
    return out.toString();
  }

  private static String address(ResolvedApp app, ResolvedComponent caller, String variable, String written,
      ServiceReference reference,
      Map<String, ResolvedApp> deployed, Map<String, ResolvedApp> baseApps, List<ResolvedReference> references) {
    ResolvedApp calleeApp = deployed.get(reference.app());
    boolean calleeDeployed = calleeApp != null;
    if (calleeApp == null) {
      calleeApp = baseApps.get(reference.app());
    }
    ResolvedComponent callee = calleeApp == null ? null : calleeApp.components().get(reference.component());
    PortSpec port = callee == null ? null : reference.port() == null ? callee.primaryPort()
        : callee.ports().stream().filter(p -> p.name().equals(reference.port())).findFirst().orElse(null);
    if (port == null) {
      return reference.text();
    }
    String service = callee.resourceNameIn(calleeApp.name());
    String calleeNamespace = calleeDeployed ? calleeApp.namespace() : app.namespace();
    boolean active = calleeDeployed && app.environment() != null && app.enabled() && caller.enabled()
        && calleeApp.enabled() && callee.enabled();
    references.add(new ResolvedReference(app.environment(), app.name(), caller.name(), app.namespace(),
        calleeApp.name(), callee.name(), calleeNamespace, service, port, active, variable, written));
    String host = app.namespace() == null || app.namespace().equals(calleeNamespace)
        ? service : service + "." + calleeNamespace + ".svc";
    return switch (reference.form()) {
      case ADDRESS -> host + ":" + port.port();
      case URL -> port.protocol().id() + "://" + host + ":" + port.port();
      case HOST -> host;
      case PORT -> Integer.toString(port.port());
    };
  }
}
