package dev.chartfactory.core.check;

import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedComponent;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.resolve.SpecResolver;
import dev.chartfactory.core.spec.AppSpec;
import dev.chartfactory.core.spec.AutoscalingSpec;
import dev.chartfactory.core.spec.ComponentSpec;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.ContainerSpec;
import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.InstanceSpec;
import dev.chartfactory.core.spec.Origin;
import dev.chartfactory.core.spec.OverrideSpec;
import dev.chartfactory.core.spec.PodSettingsSpec;
import dev.chartfactory.core.spec.PortSpec;
import dev.chartfactory.core.spec.ProbeSpec;
import dev.chartfactory.core.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Rules that span fields or files, which a JSON Schema cannot say: names that must still fit
 * Kubernetes' limits once prefixed, unique ports, hosts claimed once, references that resolve,
 * secrets only as references.
 */
public final class CrossFieldChecker {

  /** Kubernetes object names that become label values or DNS labels: 63 characters. */
  static final int MAX_NAME = 63;
  /** StatefulSet and CronJob names get suffixes (controller-revision-hash, job timestamps). */
  static final int MAX_SUFFIXED_NAME = 52;
  /** What one object of a component may take, estimated from its spec (see checkObjectSize). */
  static final long MAX_OBJECT_BYTES = 1024L * 1024;
  /** {"name":"","value":""}, plus its comma and the indentation the manifest gives it. */
  private static final int ENV_ENTRY_OVERHEAD = 28;
  private static final int SECRET_ENV_ENTRY_OVERHEAD = 90;
  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SECRET_LIKE = Pattern.compile(
      "(?i).*(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY).*");

  /** The inputs of the per-app rules, by identity (unchanged files give the same objects). */
  private record AppInputs(Object factory, AppSpec app, List<InstanceSpec> instances) {
    @Override
    public boolean equals(Object other) {
      if (!(other instanceof AppInputs o) || o.factory != factory || o.app != app
          || o.instances.size() != instances.size()) {
        return false;
      }
      for (int i = 0; i < instances.size(); i++) {
        if (o.instances.get(i) != instances.get(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = System.identityHashCode(factory) * 31 + System.identityHashCode(app);
      for (InstanceSpec instance : instances) {
        hash = hash * 31 + System.identityHashCode(instance);
      }
      return hash;
    }
  }

  private Map<AppInputs, List<Problem>> previous = new HashMap<>();
  private final ReferenceChecker references = new ReferenceChecker();

  public List<Problem> check(ConfigRepo repo, ResolvedPlatform platform) {
    List<Problem> problems = new ArrayList<>();
    reportedCollisions.clear();
    checkSecretLiterals(repo.factory().defaults(), problems);
    Map<AppInputs, List<Problem>> current = new HashMap<>();
    for (AppSpec app : repo.apps().values()) {
      AppInputs inputs = new AppInputs(repo.factory(), app, List.copyOf(repo.instancesOf(app.name()).values()));
      List<Problem> appProblems = previous.get(inputs);
      if (appProblems == null) {
        appProblems = new ArrayList<>();
        checkApp(app, appProblems);
        if (repo.factory().defaults().probes() != null) {
          for (ComponentSpec component : app.components().values()) {
            checkProbes(component, repo.factory().defaults().probes(), appProblems);
          }
        }
        for (InstanceSpec instance : inputs.instances()) {
          checkInstance(app, instance, appProblems);
        }
      }
      current.put(inputs, appProblems);
      problems.addAll(appProblems);
    }
    previous = current;
    for (EnvironmentSpec environment : repo.environments().values()) {
      checkEnvironment(repo, environment, platform.environments().get(environment.name()), problems);
    }
    for (EnvironmentSpec environment : repo.environments().values()) {
      checkIssuer(repo, environment, problems);
    }
    // ${ref:…} in env values span apps, so they are checked outside the per-app cache above.
    problems.addAll(references.check(repo, platform));
    return problems;
  }

  /** One way to issue an environment's certificates: a ClusterIssuer (maybe ACME) or an Issuer. */
  private static void checkIssuer(ConfigRepo repo, EnvironmentSpec environment, List<Problem> problems) {
    EnvironmentSpec.IngressSpec ingress = environment.ingress();
    Origin origin = environment.origin();
    if (ingress.issuer() != null && ingress.clusterIssuer() != null) {
      problems.add(Problem.at(origin.of("ingress.issuer"), "ingress.issuer", "names an Issuer, and clusterIssuer"
          + " a ClusterIssuer (expected one of them: Ingresses name one cert-manager issuer)"));
    }
    if (ingress.issuer() != null && ingress.acme() != null) {
      problems.add(new Problem(origin.of("ingress.acme"), "ingress.acme", "ACME settings make a ClusterIssuer,"
          + " and ingress.issuer names a namespaced Issuer (expected one of them)",
          "to use ACME, drop issuer; the ClusterIssuer is named by clusterIssuer (default 'acme')"));
    }
    if (ingress.acme() != null && !repo.factory().certManager().enabled()) {
      problems.add(new Problem(origin.of("ingress.acme"), "ingress.acme", "the umbrella creates no issuers when"
          + " factory.yaml has certManager.enabled: false (expected certManager.enabled: true with ACME settings)",
          "drop ingress.acme and name an existing ClusterIssuer with clusterIssuer"));
    }
  }

  private void checkApp(AppSpec app, List<Problem> problems) {
    Origin origin = app.origin();
    if (!DNS_1035.matcher(app.name()).matches()) {
      problems.add(Problem.at(origin.of("name"), "name", "'" + app.name()
          + "' must start with a letter (expected a DNS-1035 label: it names Services)"));
    }
    Map<String, ComponentSpec> byResourceName = new HashMap<>();
    for (ComponentSpec component : app.components().values()) {
      checkComponent(app, component, problems);
      ComponentSpec first = byResourceName.putIfAbsent(component.resourceNameIn(app.name()), component);
      if (first != null) {
        Origin at = component.origin();
        problems.add(Problem.at(at.of("resourceName"), at.pathOf("resourceName"), "resource name '"
            + component.resourceNameIn(app.name()) + "' is also the name of component " + first.name()
            + " (" + first.origin().location() + ") (expected one name per component; set resourceName)"));
      }
    }
  }

  /**
   * The API server stores an object of at most about 1.5 MiB (etcd's request limit) and Helm a
   * release of at most 1 MiB; the pod template of a component carries its env, command and args,
   * so a spec can make one object too large to apply. Estimated as the JSON the object is stored
   * as, which the YAML that helm renders only exceeds.
   */
  private static void checkObjectSize(ComponentSpec component, List<Problem> problems) {
    long envBytes = 0;
    for (Map.Entry<String, String> entry : component.env().entrySet()) {
      envBytes += entry.getKey().length() + (entry.getValue() == null ? 0 : entry.getValue().length())
          + ENV_ENTRY_OVERHEAD;
    }
    long otherBytes = component.secretEnv().size() * (long) SECRET_ENV_ENTRY_OVERHEAD;
    for (String key : component.secretEnv().keySet()) {
      otherBytes += key.length() * 2L;
    }
    for (String word : component.command()) {
      otherBytes += word.length() + 3;
    }
    for (String word : component.args()) {
      otherBytes += word.length() + 3;
    }
    if (envBytes + otherBytes > MAX_OBJECT_BYTES) {
      Origin origin = component.origin();
      boolean envDominates = envBytes >= otherBytes;
      String field = envDominates ? "env" : component.secretEnv().isEmpty() ? "args" : "secretEnv";
      String what = envDominates ? component.env().size() + " entries" : "its entries";
      problems.add(Problem.at(origin.of(field), origin.pathOf(field), String.format(
          "%s make the %s about %.1f MiB (expected under 1 MiB: Kubernetes and Helm refuse larger objects;"
              + " put bulk configuration in a file the image or a volume provides)",
          what, component.type() == ComponentType.CRON ? "CronJob" : "pod template",
          (envBytes + otherBytes) / (1024.0 * 1024.0))));
    }
  }

  private void checkComponent(AppSpec app, ComponentSpec component, List<Problem> problems) {
    Origin origin = component.origin();
    String fullName = component.resourceNameIn(app.name());
    int limit = component.type() == ComponentType.STATEFUL || component.type() == ComponentType.CRON
        ? MAX_SUFFIXED_NAME : MAX_NAME;
    if (!DNS_1035.matcher(component.name()).matches()) {
      problems.add(Problem.at(origin.location(), origin.path(), "'" + component.name()
          + "' must start with a letter (expected a DNS-1035 label: it names Services)"));
    }
    boolean named = component.resourceName() != null;
    if (named && !DNS_1035.matcher(fullName).matches()) {
      problems.add(Problem.at(origin.of("resourceName"), origin.pathOf("resourceName"), "resource name '"
          + fullName + "' is not a DNS-1035 label (expected lowercase letters, digits and '-', starting"
          + " with a letter and not ending with '-': it names a Service)"));
    }
    if (fullName.length() > limit) {
      problems.add(Problem.at(named ? origin.of("resourceName") : origin.location(),
          named ? origin.pathOf("resourceName") : origin.path(), "resource name '" + fullName + "' is "
          + fullName.length() + " characters (expected at most " + limit + " for a "
          + component.type().id() + (named ? "; shorten resourceName)" : "; shorten the app or component name)")));
    }
    checkObjectSize(component, problems);
    Map<Integer, PortSpec> byNumber = new HashMap<>();
    Map<String, PortSpec> byName = new HashMap<>();
    for (PortSpec port : component.ports()) {
      PortSpec clash = byNumber.putIfAbsent(port.port() * 2 + (port.protocol().transport().equals("UDP") ? 1 : 0), port);
      if (clash != null) {
        problems.add(Problem.at(port.origin().of("port"), port.origin().pathOf("port"), "port "
            + port.port() + " is used twice (first at line " + clash.origin().of("port").line() + ")"));
      }
      PortSpec nameClash = byName.putIfAbsent(port.name(), port);
      if (nameClash != null) {
        problems.add(Problem.at(port.origin().location(), port.origin().pathOf("name"), "port name '"
            + port.name() + "' is used twice (expected a unique name per port)"));
      }
    }
    if (component.origin().fields().containsKey("port") && component.origin().fields().containsKey("ports")) {
      problems.add(Problem.at(origin.of("port"), origin.pathOf("port"),
          "give either 'port' or 'ports', not both"));
    }
    switch (component.type()) {
      case WEBAPP -> {
        if (component.ports().isEmpty()) {
          problems.add(Problem.at(origin.location(), origin.path(),
              "a webapp needs a port (expected 'port: 8080' or a 'ports' list)"));
        }
      }
      case CRON -> {
        if (component.schedule() == null) {
          problems.add(Problem.at(origin.location(), origin.pathOf("schedule"),
              "a cron component needs a schedule (expected e.g. \"0 3 * * *\")"));
        } else {
          KubernetesCron.scheduleProblem(component.schedule()).ifPresent(why -> problems.add(Problem.at(
              origin.of("schedule"), origin.pathOf("schedule"), "\"" + component.schedule()
                  + "\" is not a schedule Kubernetes accepts: " + why + " (" + KubernetesCron.EXPECTED + ")")));
        }
        if (component.timeZone() != null) {
          KubernetesCron.timeZoneProblem(component.timeZone()).ifPresent(why -> problems.add(Problem.at(
              origin.of("timeZone"), origin.pathOf("timeZone"), "\"" + component.timeZone()
                  + "\" is not a time zone: " + why + " (expected an IANA time zone name such as Europe/Berlin or UTC)")));
        }
        if (component.replicas() != null || component.autoscaling() != null) {
          problems.add(Problem.at(origin.of(component.replicas() != null ? "replicas" : "autoscaling"),
              origin.pathOf(component.replicas() != null ? "replicas" : "autoscaling"),
              "a cron component runs one job per schedule (expected no replicas or autoscaling)"));
        }
      }
      default -> { }
    }
    if (component.type() != ComponentType.CRON) {
      if (component.schedule() != null) {
        problems.add(Problem.at(origin.of("schedule"), origin.pathOf("schedule"),
            "only cron components have a schedule (this one is a " + component.type().id() + ")"));
      }
      if (component.timeZone() != null) {
        problems.add(Problem.at(origin.of("timeZone"), origin.pathOf("timeZone"),
            "only cron components have a timeZone (this one is a " + component.type().id() + ")"));
      }
      if (component.concurrencyPolicy() != null) {
        problems.add(Problem.at(origin.of("concurrencyPolicy"), origin.pathOf("concurrencyPolicy"),
            "only cron components have a concurrencyPolicy"));
      }
    }
    if (component.visibility() != null && component.visibility().exposed()) {
      boolean routable = !component.ports().isEmpty();
      if (component.type() == ComponentType.WORKER || component.type() == ComponentType.CRON) {
        problems.add(Problem.at(origin.of("visibility"), origin.pathOf("visibility"), "a "
            + component.type().id() + " has no Service to expose (expected visibility: cluster)"));
      } else if (!routable) {
        problems.add(Problem.at(origin.of("visibility"), origin.pathOf("visibility"),
            "visibility " + component.visibility().id() + " needs a port to route to"));
      }
    }
    if (component.host() != null && (component.visibility() == null || !component.visibility().exposed())) {
      problems.add(Problem.at(origin.of("host"), origin.pathOf("host"),
          "the component is not exposed (expected visibility public or private to set a host)"));
    }
    if (component.type() == ComponentType.STATEFUL && component.autoscaling() != null) {
      problems.add(Problem.at(origin.of("autoscaling"), origin.pathOf("autoscaling"),
          "a stateful component does not autoscale (expected replicas instead)"));
    }
    checkServices(app, component, problems);
    checkPodSettings(app, component, problems);
    checkProbes(component, component.probes(), problems);
    checkAutoscaling(component.autoscaling(), origin, problems);
    checkVolumes(component, problems);
    checkSecretEnv(component, problems);
    checkSecretLiterals(component.env(), origin, problems);
    checkContainers(app, component, problems);
  }

  // --- init containers and sidecars (#15) ---
  /** Names unique in the pod, ports shared with no other container, the component's rules per container. */
  private void checkContainers(AppSpec app, ComponentSpec component, List<Problem> problems) {
    Map<String, Origin> names = new HashMap<>();
    names.put(component.name(), component.origin());
    Map<Integer, String> portOwners = new HashMap<>();
    component.ports().forEach(p -> portOwners.put(p.containerPort(), "the component"));
    List<ContainerSpec> all = new ArrayList<>(component.containers().init());
    all.addAll(component.containers().sidecars());
    for (ContainerSpec container : all) {
      Origin at = container.origin();
      Origin first = names.putIfAbsent(container.name(), at);
      if (first != null) {
        problems.add(Problem.at(at.of("name"), at.pathOf("name"), "container name '" + container.name()
            + "' is already used in this pod (at line " + (first == component.origin()
                ? first.location().line() + ", the component's own container" : first.of("name").line())
            + ") (expected one name per container)"));
      }
      PodSettingsSpec.SecurityContext security = container.securityContext();
      if (security != null && security.fsGroup() != null) {
        problems.add(Problem.at(security.origin().of("fsGroup"), security.origin().pathOf("fsGroup"),
            "fsGroup applies to the whole pod (expected it in the component's securityContext)"));
      }
      checkSecurityContext(app, security, problems);
      for (PortSpec port : container.ports()) {
        String owner = portOwners.putIfAbsent(port.containerPort(), "container " + container.name());
        if (owner != null) {
          problems.add(Problem.at(port.origin().of("port"), port.origin().pathOf("port"), "port "
              + port.containerPort() + " is also used by " + owner + " (containers of a pod share its"
              + " network; expected another port)"));
        }
      }
      checkProbes(container.ports(), "sidecar", container.probes(), problems);
      container.secretEnv().keySet().stream().filter(container.env()::containsKey).forEach(name ->
          problems.add(Problem.at(at.of("secretEnv"), at.pathOf("secretEnv." + name),
              "is also set in env (expected each variable once)")));
      checkSecretLiterals(container.env(), at, problems);
    }
  }
  // --- end init containers and sidecars ---

  private void checkPodSettings(AppSpec app, ComponentSpec component, List<Problem> problems) {
    checkSecurityContext(app, component.pod().securityContext(), problems);
    PodSettingsSpec.Hook hook = component.pod().preStop();
    if (hook != null && hook.path() != null) {
      List<String> names = component.ports().stream().map(PortSpec::name).toList();
      if (hook.port() != null && !names.contains(hook.port())) {
        problems.add(new Problem(hook.origin().location(), hook.origin().pathOf("http.port"), "port '"
            + hook.port() + "' is not one of the component's ports (expected one of: " + String.join(", ", names) + ")",
            Suggestions.hint(hook.port(), names)));
      } else if (hook.port() == null && names.isEmpty()) {
        problems.add(Problem.at(hook.origin().location(), hook.origin().pathOf("http"),
            "an http preStop hook needs a port, and the component has none (expected exec or a port)"));
      }
    }
  }

  private void checkSecurityContext(AppSpec app, PodSettingsSpec.SecurityContext security, List<Problem> problems) {
    if (security != null) {
      Origin at = security.origin();
      List<String> extra = security.addCapabilities().stream().filter(c -> !c.equals("NET_BIND_SERVICE")).toList();
      if (!extra.isEmpty() && !app.waivers().containsKey("capabilities")) {
        problems.add(new Problem(at.of("addCapabilities"), at.pathOf("addCapabilities"), "adds "
            + String.join(", ", extra) + " (expected at most NET_BIND_SERVICE beside drop ALL)",
            "if the app needs it, say why under policy: {waive: {capabilities: \"<reason>\"}}"));
      }
      boolean localhost = "Localhost".equals(security.seccompProfile());
      if (localhost != (security.seccompLocalhostProfile() != null)) {
        problems.add(Problem.at(at.of("seccompProfile"), at.pathOf("seccompProfile"), localhost
            ? "a Localhost seccomp profile needs localhostProfile (expected the profile's path on the node)"
            : "localhostProfile applies to type Localhost only"));
      }
    }
  }

  private void checkServices(AppSpec app, ComponentSpec component, List<Problem> problems) {
    Origin origin = component.origin();
    boolean hasService = component.type() == ComponentType.WEBAPP || component.type() == ComponentType.STATEFUL;
    for (String field : List.of("service", "extraServices")) {
      if (!hasService && origin.fields().containsKey(field)) {
        problems.add(Problem.at(origin.of(field), origin.pathOf(field), "a " + component.type().id()
            + " has no Service (expected " + field + " only on webapp and stateful components)"));
      }
    }
    if (component.service() != null && !component.service().ports().isEmpty()) {
      Origin at = component.service().origin();
      problems.add(Problem.at(at.of("ports"), at.pathOf("ports"),
          "the main Service carries every port (expected ports only under extraServices)"));
    }
    List<String> portNames = component.ports().stream().map(PortSpec::name).toList();
    component.extraServices().forEach((key, service) -> {
      Origin at = service.origin();
      for (String port : service.ports()) {
        if (!portNames.contains(port)) {
          problems.add(new Problem(at.of("ports"), at.pathOf("ports"), "port '" + port
              + "' is not one of the component's ports (expected one of: " + String.join(", ", portNames) + ")",
              Suggestions.hint(port, portNames)));
        }
      }
      if (hasService && component.ports().isEmpty()) {
        problems.add(Problem.at(at.location(), at.path(), "an extra Service needs a port, and the component has none"));
      }
      String name = component.resourceNameIn(app.name()) + "-" + key;
      if (name.length() > MAX_NAME) {
        problems.add(Problem.at(at.location(), at.path(), "Service name '" + name + "' is " + name.length()
            + " characters (expected at most " + MAX_NAME + "; shorten the key or resourceName)"));
      }
      if (component.type() == ComponentType.STATEFUL && key.equals("headless")) {
        problems.add(Problem.at(at.location(), at.path(), "a stateful component already has the Service '"
            + name + "' (expected another key than 'headless')"));
      }
    });
  }

  private void checkProbes(ComponentSpec component, ProbeSpec.Probes probes, List<Problem> problems) {
    checkProbes(component.ports(), "component", probes, problems);
  }

  private void checkProbes(List<PortSpec> ports, String owner, ProbeSpec.Probes probes, List<Problem> problems) {
    if (probes == null) {
      return;
    }
    for (ProbeSpec probe : new ProbeSpec[] {probes.liveness(), probes.readiness(), probes.startup()}) {
      if (probe == null) {
        continue;
      }
      Origin origin = probe.origin();
      long kinds = origin.fields().keySet().stream()
          .filter(k -> Set.of("http", "grpc", "tcp", "exec").contains(k)).count();
      if (kinds != 1) {
        problems.add(Problem.at(origin.location(), origin.path(), "a probe has exactly one of http, grpc,"
            + " tcp or exec (found " + kinds + ")"));
        continue;
      }
      if (probe.kind() == ProbeSpec.Kind.EXEC) {
        continue;
      }
      if (probe.port() != null) {
        boolean known = ports.stream().anyMatch(p -> p.name().equals(probe.port()));
        if (!known) {
          List<String> names = ports.stream().map(PortSpec::name).toList();
          problems.add(new Problem(origin.location(), origin.pathOf(probe.kind().id() + ".port"),
              "port '" + probe.port() + "' is not one of the " + owner + "'s ports (expected one of: "
                  + String.join(", ", names) + ")", Suggestions.hint(probe.port(), names)));
        }
      } else if (ports.isEmpty()) {
        problems.add(Problem.at(origin.location(), origin.path(), "a " + probe.kind().id()
            + " probe needs a port, and the " + owner + " has none (expected an exec probe or a port)"));
      }
    }
  }

  private void checkAutoscaling(AutoscalingSpec autoscaling, Origin origin, List<Problem> problems) {
    if (autoscaling != null && autoscaling.min() != null && autoscaling.max() != null
        && autoscaling.min() > autoscaling.max()) {
      problems.add(Problem.at(origin.of("autoscaling"), origin.pathOf("autoscaling"), "min "
          + autoscaling.min() + " is greater than max " + autoscaling.max() + " (expected min <= max)"));
    }
  }

  private void checkVolumes(ComponentSpec component, List<Problem> problems) {
    Set<String> names = new TreeSet<>();
    Set<String> paths = new TreeSet<>();
    for (VolumeSpec volume : component.volumes()) {
      Origin origin = volume.origin();
      if (!names.add(volume.name())) {
        problems.add(Problem.at(origin.of("name"), origin.pathOf("name"), "volume name '"
            + volume.name() + "' is used twice"));
      }
      if (!paths.add(volume.mountPath())) {
        problems.add(Problem.at(origin.of("mountPath"), origin.pathOf("mountPath"), "mount path '"
            + volume.mountPath() + "' is used twice"));
      }
      long sources = origin.fields().keySet().stream()
          .filter(k -> Set.of("configMap", "secret", "emptyDir").contains(k)).count();
      if (sources > 1 || (sources == 1 && volume.size() != null)) {
        problems.add(Problem.at(origin.location(), origin.path(), "a volume has one source: a size"
            + " (persistent), configMap, secret or emptyDir"));
      } else if (volume.kind() == VolumeSpec.Kind.PERSISTENT && volume.size() == null) {
        problems.add(Problem.at(origin.location(), origin.pathOf("size"), "a persistent volume needs"
            + " a size (expected e.g. size: 10Gi), or give configMap, secret or emptyDir"));
      }
      if (volume.storageClass() != null && volume.kind() != VolumeSpec.Kind.PERSISTENT) {
        problems.add(Problem.at(origin.of("storageClass"), origin.pathOf("storageClass"),
            "storageClass applies to persistent volumes only"));
      }
    }
  }

  private void checkSecretEnv(ComponentSpec component, List<Problem> problems) {
    component.secretEnv().keySet().stream().filter(component.env()::containsKey).forEach(name ->
        problems.add(Problem.at(component.origin().of("secretEnv"), component.origin().pathOf("secretEnv."
            + name), "is also set in env (expected each variable once)")));
  }

  private void checkSecretLiterals(OverrideSpec override, List<Problem> problems) {
    checkSecretLiterals(override.env(), override.origin(), problems);
  }

  private void checkSecretLiterals(Map<String, String> env, Origin origin, List<Problem> problems) {
    env.forEach((name, value) -> {
      if (SECRET_LIKE.matcher(name).matches() && !value.isBlank()) {
        problems.add(new Problem(origin.of("env." + name), origin.pathOf("env." + name),
            "looks like a secret given as a literal value (expected a reference to a Kubernetes Secret)",
            "move it to secretEnv: {" + name + ": {secret: <secret-name>, key: <key>}}"));
      }
    });
  }

  private void checkInstance(AppSpec app, InstanceSpec instance, List<Problem> problems) {
    instance.components().forEach((name, override) -> {
      Origin origin = override.origin();
      ComponentSpec component = app.components().get(name);
      if (component == null) {
        problems.add(new Problem(origin.location(), origin.path(), "app '" + app.name()
            + "' has no component '" + name + "' (expected one of: "
            + String.join(", ", app.components().keySet()) + ")",
            Suggestions.hint(name, app.components().keySet())));
        return;
      }
      if (component.type() == ComponentType.CRON && (override.replicas() != null || override.autoscaling() != null)) {
        String field = override.replicas() != null ? "replicas" : "autoscaling";
        problems.add(Problem.at(origin.of(field), origin.pathOf(field),
            "a cron component runs one job per schedule (expected no replicas or autoscaling)"));
      }
      if (component.type() == ComponentType.STATEFUL && override.autoscaling() != null) {
        problems.add(Problem.at(origin.of("autoscaling"), origin.pathOf("autoscaling"),
            "a stateful component does not autoscale (expected replicas instead)"));
      }
      if (override.host() != null && (component.visibility() == null || !component.visibility().exposed())) {
        problems.add(Problem.at(origin.of("host"), origin.pathOf("host"),
            "the component is not exposed (expected visibility public or private to set a host)"));
      }
      checkAutoscaling(override.autoscaling(), origin, problems);
      checkSecretLiterals(override.env(), origin, problems);
      if (override.probes() != null) {
        checkProbes(component, override.probes(), problems);
      }
    });
  }

  /** A component's resources, as they are named in one namespace. */
  private record NamedComponent(String app, ResolvedComponent component) {}

  /**
   * Two apps that share a namespace in an environment must not give two components the same
   * resource name: the second Service or Deployment would overwrite the first. Each pair of
   * components is reported once, for the first environment (by name) where they meet.
   */
  private void checkResourceNamesAcrossApps(EnvironmentSpec environment, Map<String, ResolvedApp> apps,
      List<Problem> problems) {
    Map<String, NamedComponent> owners = new HashMap<>();
    for (ResolvedApp app : apps.values()) {
      if (!app.enabled()) {
        continue;
      }
      for (ResolvedComponent component : app.components().values()) {
        String name = component.resourceNameIn(app.name());
        NamedComponent owner = owners.putIfAbsent(app.namespace() + "/" + name, new NamedComponent(app.name(), component));
        if (owner == null || owner.app().equals(app.name())
            || !reportedCollisions.add(owner.app() + "." + owner.component().name() + "|" + app.name() + "." + component.name())) {
          continue;
        }
        Origin at = component.origin();
        problems.add(Problem.at(at.of("resourceName"), at.pathOf("resourceName"), "resource name '" + name
            + "' is also used by app " + owner.app() + ", component " + owner.component().name() + " ("
            + owner.component().origin().location() + "), in namespace " + app.namespace() + " of environment "
            + environment.name() + " (expected unique names per namespace; set resourceName on one of them)"));
      }
    }
  }

  private final Set<String> reportedCollisions = new java.util.HashSet<>();

  private void checkEnvironment(ConfigRepo repo, EnvironmentSpec environment,
      Map<String, ResolvedApp> apps, List<Problem> problems) {
    Map<String, ResolvedComponent> hosts = new HashMap<>();
    if (environment.namespacePrefix() != null) {
      for (ResolvedApp app : apps.values()) {
        if (app.namespace().length() > MAX_NAME) {
          problems.add(Problem.at(environment.origin().of("namespacePrefix"), "namespacePrefix",
              "namespace '" + app.namespace() + "' for app " + app.name() + " is longer than "
                  + MAX_NAME + " characters"));
        }
      }
    }
    checkResourceNamesAcrossApps(environment, apps, problems);
    for (ResolvedApp app : apps.values()) {
      for (ResolvedComponent component : app.components().values()) {
        AutoscalingSpec scaling = component.autoscaling();
        if (scaling != null && scaling.min() > scaling.max()) {
          Origin origin = component.overrideOrigin() != null ? component.overrideOrigin() : component.origin();
          problems.add(Problem.at(origin.of("autoscaling"), origin.pathOf("autoscaling"), "in environment "
              + environment.name() + ", min " + scaling.min() + " is greater than max " + scaling.max()
              + " after merging (expected min <= max)"));
        }
        if (!environment.dev() && component.enabled() && app.enabled() && component.image().digest() == null
            && SpecResolver.UNVERSIONED_TAG.equals(component.image().tag())) {
          Origin instance = repo.instancesOf(app.name()).get(environment.name()).origin();
          Origin origin = component.overrideOrigin() != null ? component.overrideOrigin() : instance;
          String where = instance.file();
          problems.add(new Problem(origin.location(), component.overrideOrigin() != null
              ? origin.path() : "version",
              "image tag 'latest' in environment " + environment.name()
                  + ", which is not marked dev: true (expected a pinned version)",
              "set 'version' in " + where + " or the app"));
        }
        if (component.host() == null || !component.enabled() || !app.enabled()) {
          continue;
        }
        String host = component.fullHost(environment.domain());
        String key = host + component.path();
        ResolvedComponent owner = hosts.putIfAbsent(key, component);
        if (owner != null) {
          Origin origin = component.overrideOrigin() != null ? component.overrideOrigin() : component.origin();
          SourceLocation first = owner.overrideOrigin() != null
              ? owner.overrideOrigin().location() : owner.origin().location();
          String route = host + ("/".equals(component.path()) ? "" : component.path());
          problems.add(Problem.at(origin.of("host"), origin.pathOf("host"), "host " + route + " is already claimed in environment " + environment.name()
              + " by " + first + " (expected each host and path once)"));
        }
      }
    }
  }
}
