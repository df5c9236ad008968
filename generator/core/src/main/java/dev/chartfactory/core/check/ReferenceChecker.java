package dev.chartfactory.core.check;

import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedComponent;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.AppSpec;
import dev.chartfactory.core.spec.ComponentSpec;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.spec.InstanceSpec;
import dev.chartfactory.core.spec.Origin;
import dev.chartfactory.core.spec.OverrideSpec;
import dev.chartfactory.core.spec.PortSpec;
import dev.chartfactory.core.spec.ServiceReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Checks every {@code ${ref:…}} in env values ({@code defaults.env}, app and instance env): its
 * syntax, that the app, component and port exist and have a Service, and, per environment, that
 * the callee runs wherever an enabled caller does.
 */
final class ReferenceChecker {

  List<Problem> check(ConfigRepo repo, ResolvedPlatform platform) {
    List<Problem> problems = new ArrayList<>();
    checkEnv(repo, repo.factory().defaults().env(), repo.factory().defaults().origin(), problems);
    for (AppSpec app : repo.apps().values()) {
      for (ComponentSpec component : app.components().values()) {
        checkEnv(repo, component.env(), component.origin(), problems);
      }
      for (InstanceSpec instance : repo.instancesOf(app.name()).values()) {
        instance.components().values().forEach(override -> checkEnv(repo, override.env(), override.origin(), problems));
      }
    }
    platform.environments().forEach((environment, apps) -> checkDeployed(repo, environment, apps, problems));
    return problems;
  }

  private static void checkEnv(ConfigRepo repo, Map<String, String> env, Origin origin, List<Problem> problems) {
    env.forEach((name, value) -> {
      if (!ServiceReference.mentionedIn(value)) {
        return;
      }
      String field = "env." + name;
      ServiceReference.Parsed parsed = ServiceReference.parse(value);
      if (parsed.error() != null) {
        problems.add(Problem.at(origin.of(field), origin.pathOf(field), parsed.error()));
        return;
      }
      for (ServiceReference reference : parsed.references()) {
        Problem problem = targetProblem(repo, reference, origin, field);
        if (problem != null) {
          problems.add(problem);
        }
      }
    });
  }

  /** What is wrong with the reference's app, component or port, or null. */
  private static Problem targetProblem(ConfigRepo repo, ServiceReference reference, Origin origin, String field) {
    String where = reference.text() + " ";
    AppSpec app = repo.apps().get(reference.app());
    if (app == null) {
      return new Problem(origin.of(field), origin.pathOf(field), where + "names app '" + reference.app()
          + "', which does not exist (expected one of: " + String.join(", ", repo.apps().keySet()) + ")",
          Suggestions.hint(reference.app(), repo.apps().keySet()));
    }
    ComponentSpec component = app.components().get(reference.component());
    if (component == null) {
      return new Problem(origin.of(field), origin.pathOf(field), where + "names component '"
          + reference.component() + "', which app " + app.name() + " does not have (expected one of: "
          + String.join(", ", app.components().keySet()) + ")",
          Suggestions.hint(reference.component(), app.components().keySet()));
    }
    if (component.type() != ComponentType.WEBAPP && component.type() != ComponentType.STATEFUL) {
      return Problem.at(origin.of(field), origin.pathOf(field), where + "names " + reference.target()
          + ", a " + component.type().id() + ", which has no Service (expected a webapp or stateful component)");
    }
    List<String> ports = component.ports().stream().map(PortSpec::name).toList();
    if (ports.isEmpty()) {
      return Problem.at(origin.of(field), origin.pathOf(field), where + "names " + reference.target()
          + ", which has no ports (expected a component with a port)");
    }
    if (reference.port() != null && !ports.contains(reference.port())) {
      return new Problem(origin.of(field), origin.pathOf(field), where + "names port '" + reference.port()
          + "', which " + reference.target() + " does not have (expected one of: " + String.join(", ", ports) + ")",
          Suggestions.hint(reference.port(), ports));
    }
    return null;
  }

  /** An enabled caller in an environment needs its callees deployed and enabled there. */
  private static void checkDeployed(ConfigRepo repo, String environment, SortedMap<String, ResolvedApp> apps,
      List<Problem> problems) {
    for (ResolvedApp app : apps.values()) {
      if (!app.enabled()) {
        continue;
      }
      for (ResolvedComponent component : app.components().values()) {
        if (!component.enabled()) {
          continue;
        }
        component.env().forEach((name, value) -> {
          if (!ServiceReference.mentionedIn(value)) {
            return;
          }
          for (ServiceReference reference : ServiceReference.parse(value).references()) {
            if (targetProblem(repo, reference, component.origin(), name) != null) {
              continue;  // reported where it was written
            }
            String missing = missingIn(repo, environment, apps, reference);
            if (missing != null) {
              Origin origin = originOf(repo, app.name(), component.name(), environment, name);
              String field = "env." + name;
              problems.add(Problem.at(origin.of(field), origin.pathOf(field), "in environment " + environment
                  + ", " + reference.text() + " names " + reference.target() + ", which " + missing
                  + " (expected it to run wherever " + app.name() + "." + component.name() + " runs)"));
            }
          }
        });
      }
    }
  }

  private static String missingIn(ConfigRepo repo, String environment, SortedMap<String, ResolvedApp> apps,
      ServiceReference reference) {
    ResolvedApp callee = apps.get(reference.app());
    if (callee == null) {
      return "is not deployed there (no " + repo.apps().get(reference.app()).origin().file()
          .replaceFirst("app\\.ya?ml$", "instances/" + environment + ".yaml") + ")";
    }
    if (!callee.enabled()) {
      return "is disabled there (enabled: false in " + repo.instancesOf(callee.name()).get(environment).origin().file() + ")";
    }
    ResolvedComponent component = callee.components().get(reference.component());
    if (!component.enabled()) {
      return "is disabled there (components." + component.name() + ".enabled: false)";
    }
    return null;
  }

  /** Where the merged value came from: the instance, else the app, else factory.yaml's defaults. */
  private static Origin originOf(ConfigRepo repo, String app, String component, String environment, String name) {
    InstanceSpec instance = repo.instancesOf(app).get(environment);
    OverrideSpec override = instance == null ? null : instance.components().get(component);
    if (override != null && override.env().containsKey(name)) {
      return override.origin();
    }
    ComponentSpec spec = repo.apps().get(app).components().get(component);
    return spec.env().containsKey(name) ? spec.origin() : repo.factory().defaults().origin();
  }
}
