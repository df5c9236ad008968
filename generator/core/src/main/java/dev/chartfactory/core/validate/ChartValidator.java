package dev.chartfactory.core.validate;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.Workers;
import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.ValidationException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.helm.HelmLint;
import dev.chartfactory.core.helm.HelmTemplate;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedComponent;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.RepoLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks rendered charts before anything is written: {@code helm template} of the umbrella with
 * every environment's values, then every rendered object against the Kubernetes schema of its
 * kind and the policy rules, and every app's values against its {@code values.schema.json}
 * ({@link ValuesSchemaCheck}, in place of helm's slower check); charts built from the config repo's own blueprints also get
 * {@code helm lint --strict}. Each problem points back to the spec of the component that
 * produced it.
 *
 * <p>Environments render concurrently: each {@code helm template} is one single-threaded
 * process, so on two cores two of them run in the time of one. The umbrella is not linted per
 * environment: lint renders the same templates as {@code template} again but applies its
 * per-template rules to the umbrella's own templates only, never to subcharts; for app charts,
 * what lint checks (YAML, names, selectors, deprecated kinds) the schemas check more strictly.
 * The built-in blueprints are linted --strict for every example chart by the test suite.
 */
public final class ChartValidator {

  /** {@code # Source: platform/charts/shop/templates/web-deployment.yaml}. */
  private static final Pattern SUBCHART_SOURCE = Pattern.compile("[^/]+/charts/([^/]+)/templates/(.+)");

  private final HelmCli helm;
  private final ManifestSchemaValidator schemas;
  private final PolicyChecker policy = new PolicyChecker();
  private final ValuesSchemaCheck valuesSchemas = new ValuesSchemaCheck();
  private final PipelineListener listener;
  private final ValidationCache cache;

  public ChartValidator(HelmCli helm, ManifestSchemaValidator schemas, PipelineListener listener) {
    this(helm, schemas, listener, ValidationCache.DISABLED);
  }

  /** With {@code cache}, an environment whose inputs all match a passing earlier run is not rendered again. */
  public ChartValidator(HelmCli helm, ManifestSchemaValidator schemas, PipelineListener listener,
      ValidationCache cache) {
    this.helm = helm;
    this.schemas = schemas;
    this.listener = listener;
    this.cache = cache;
  }

  /** What passed: how many objects, and the policy warnings that do not stop generation. */
  public record Report(int manifests, int environments, List<PolicyFinding> warnings) {
    public Report {
      warnings = List.copyOf(warnings);
    }
  }

  /** What one environment's render gave: object count, errors, warnings. */
  private record EnvironmentResult(int manifests, List<Problem> problems, List<PolicyFinding> warnings) {}

  /** Validates, or throws {@link ValidationException} listing every error found. */
  public Report validate(ResolvedPlatform platform, List<RenderedChart> charts) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("factory-validate-");
    } catch (IOException e) {
      throw FileAccessException.of("cannot create a scratch folder for validation", e);
    }
    try {
      return validate(platform, ChartWorkspace.of(scratch, charts), charts);
    } finally {
      ChartWorkspace.deleteQuietly(scratch);
    }
  }

  /**
   * Validates charts already laid out in {@code workspace} (which the caller owns, say to move
   * them into place afterwards), or throws {@link ValidationException}.
   */
  public Report validate(ResolvedPlatform platform, ChartWorkspace workspace, List<RenderedChart> charts) {
    List<EnvironmentSpec> environments = List.copyOf(platform.repo().environments().values());
    List<String> linted = chartsFromUserBlueprints(platform, charts);
    int workers = Math.max(1, Math.min(environments.size() + (linted.isEmpty() ? 0 : 1),
        Runtime.getRuntime().availableProcessors() + 1));
    ExecutorService pool = Workers.pool("factory-validate", workers);
    try {
      CompletableFuture<List<Problem>> lint = linted.isEmpty() ? CompletableFuture.completedFuture(List.of())
          : CompletableFuture.supplyAsync(() -> lint(workspace, linted), pool);
      Map<String, String> keys = cache.enabled() ? cacheKeys(platform, charts, environments) : Map.of();
      Map<String, ValidationCache.Entry> cached = new java.util.HashMap<>();
      keys.forEach((environment, key) -> cache.find(key).ifPresent(entry -> cached.put(environment, entry)));
      List<CompletableFuture<EnvironmentResult>> results = new ArrayList<>();
      for (EnvironmentSpec environment : environments) {
        ValidationCache.Entry hit = cached.get(environment.name());
        results.add(hit != null
            ? CompletableFuture.completedFuture(new EnvironmentResult(hit.manifests(), List.of(), hit.warnings()))
            : CompletableFuture.supplyAsync(() -> validate(platform, workspace, environment), pool));
      }
      // Every environment from the cache means every input is as it was when all of this passed.
      boolean allCached = cached.size() == environments.size();
      List<Problem> problems = new ArrayList<>(allCached ? List.of() : valuesSchemas.check(platform, charts));
      problems.addAll(allCached ? List.of() : Workers.join(lint));
      List<PolicyFinding> warnings = new ArrayList<>();
      int manifests = 0;
      Map<String, EnvironmentResult> fresh = new java.util.HashMap<>();
      for (int i = 0; i < environments.size(); i++) {
        EnvironmentResult done = Workers.join(results.get(i));
        manifests += done.manifests();
        problems.addAll(done.problems());
        warnings.addAll(done.warnings());
        fresh.put(environments.get(i).name(), done);
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      keys.forEach((environment, key) -> {
        if (!cached.containsKey(environment)) {
          EnvironmentResult done = fresh.get(environment);
          cache.store(key, new ValidationCache.Entry(done.manifests(), done.warnings()));
        }
      });
      String fromCache = !cache.enabled() ? ""
          : " (validated " + (environments.size() - cached.size()) + " of " + environments.size() + ", "
              + cached.size() + " from cache)";
      listener.progress("validate", manifests + " manifests in " + environments.size()
          + (environments.size() == 1 ? " environment pass" : " environments pass")
          + " helm template, their Kubernetes schemas and the policy rules"
          + (linted.isEmpty() ? "" : "; " + linted.size() + " charts from your blueprints pass helm lint --strict")
          + fromCache);
      for (PolicyFinding warning : warnings) {
        listener.progress("policy", "warning [" + warning.rule() + "] " + warning.object() + " in environment "
            + warning.environment() + ": " + warning.message());
      }
      return new Report(manifests, environments.size(), warnings);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Per environment, the hash of everything its validation depends on: the generator, helm and
   * schema versions, the release, every chart file except other environments' values files, and
   * what the policy rules read from the specs (the environment, the apps' waivers, the config
   * repo's blueprints).
   */
  private Map<String, String> cacheKeys(ResolvedPlatform platform, List<RenderedChart> charts,
      List<EnvironmentSpec> environments) {
    ValidationCache.KeyBuilder common = new ValidationCache.KeyBuilder()
        .add("generator", dev.chartfactory.core.umbrella.GeneratorId.current())
        .add("helm", helm.version())
        .add("schemas", ManifestSchemaValidator.SCHEMA_VERSIONS)
        .add("release", platform.factory().umbrella().name() + " " + platform.factory().umbrella().namespace())
        .add("blueprints", String.valueOf(platform.repo().templateOverrides()));
    // What the policy rules read besides the rendered objects: each app's waivers (the rest of
    // the specs reaches validation only through the chart bytes below). Spec records are not
    // hashed whole: some hold sets of enums, whose order changes from one JVM to the next.
    platform.repo().apps().forEach((name, app) ->
        common.add("waivers " + name, String.valueOf(new java.util.TreeMap<>(app.waivers()))));
    String shared = common.build();
    Map<String, String> keys = new java.util.LinkedHashMap<>();
    for (EnvironmentSpec environment : environments) {
      ValidationCache.KeyBuilder key = new ValidationCache.KeyBuilder().add("shared", shared)
          // The fields the policy rules read; the record's own text includes its Origin, whose
          // field map iterates in a different order in every JVM.
          .add("environment", environment.name() + " dev=" + environment.dev() + " namespace=" + environment.namespace()
              + " prefix=" + environment.namespacePrefix() + " quota=" + environment.quota());
      for (RenderedChart chart : charts) {
        chart.files().forEach((path, content) -> {
          boolean otherValues = chart.isUmbrella() && path.startsWith("values-")
              && !path.equals("values-" + environment.name() + ".yaml");
          if (!otherValues) {
            key.add(chart.folder() + "/" + path, content);
          }
        });
      }
      keys.put(environment.name(), key.build());
    }
    return keys;
  }

  private EnvironmentResult validate(ResolvedPlatform platform, ChartWorkspace workspace, EnvironmentSpec environment) {
    String valuesFile = "values-" + environment.name() + ".yaml";
    String rendered;
    try {
      // Values are checked against each chart's values.schema.json by ValuesSchemaCheck.
      rendered = HelmTemplate.of(workspace.umbrella(), platform.factory().umbrella().name(),
              platform.factory().umbrella().namespace())
          .values(List.of(workspace.umbrella().resolve(valuesFile))).skipSchemaValidation().run(helm);
    } catch (HelmException e) {
      return new EnvironmentResult(0, List.of(Problem.at(SourceLocation.ofFile(RepoLayout.UMBRELLA_CHART + "/" + valuesFile), "",
          "helm rejected the rendered charts: " + e.getMessage().replace('\n', ' '))), List.of());
    }
    return check(platform, environment, rendered);
  }

  /**
   * The Kubernetes-schema and policy errors in objects already rendered for {@code environment}
   * (say, by helm for a diff), located in the specs; no helm run. Rules that compare apps see
   * only the objects given.
   */
  public List<Problem> problemsIn(ResolvedPlatform platform, EnvironmentSpec environment, String rendered) {
    return check(platform, environment, rendered).problems();
  }

  private EnvironmentResult check(ResolvedPlatform platform, EnvironmentSpec environment, String rendered) {
    List<Problem> problems = new ArrayList<>();
    List<PolicyFinding> warnings = new ArrayList<>();
    List<RenderedObjects.Document> documents = RenderedObjects.documents(rendered);
    for (ManifestViolation violation : schemas.validate(documents)) {
      problems.add(locate(platform, environment, violation));
    }
    for (PolicyFinding finding : policy.check(platform, environment, RenderedObjects.objects(documents))) {
      if (finding.severity() == PolicyFinding.Severity.ERROR) {
        problems.add(locate(platform, finding));
      } else {
        warnings.add(finding);
      }
    }
    int manifests = (int) rendered.lines().filter(line -> line.startsWith("kind:")).count();
    return new EnvironmentResult(manifests, problems, warnings);
  }

  /** {@code helm lint --strict} of the given app charts, in one helm run. */
  private List<Problem> lint(ChartWorkspace workspace, List<String> folders) {
    try {
      HelmLint.of(folders.stream().map(workspace::chart).toList()).strict().run(helm);
      return List.of();
    } catch (HelmException e) {
      return List.of(Problem.at(SourceLocation.ofFile("templates/"), "",
          "helm lint --strict rejected charts built from your blueprints: " + e.getMessage().replace('\n', ' ')));
    }
  }

  /**
   * The app charts that a blueprint from the config repo's {@code templates/} folder went into:
   * those with a component of an overridden type, or all of them when a shared blueprint
   * ({@code common/} or a macro file) is overridden.
   */
  static List<String> chartsFromUserBlueprints(ResolvedPlatform platform, List<RenderedChart> charts) {
    Set<String> overriddenFolders = new TreeSet<>();
    for (String path : platform.repo().templateOverrides().keySet()) {
      if (path.endsWith(".j2")) {
        int slash = path.indexOf('/');
        overriddenFolders.add(slash < 0 ? "" : path.substring(0, slash));
      }
    }
    if (overriddenFolders.isEmpty()) {
      return List.of();
    }
    Set<String> typeFolders = new TreeSet<>();
    for (ComponentType type : ComponentType.values()) {
      typeFolders.add(type.id());
    }
    boolean shared = !typeFolders.containsAll(overriddenFolders);
    List<String> folders = new ArrayList<>();
    for (RenderedChart chart : charts) {
      ResolvedApp app = chart.folder().startsWith("charts/") ? platform.baseApps().get(chart.name()) : null;
      if (app != null && (shared || app.components().values().stream()
          .anyMatch(component -> overriddenFolders.contains(component.type().id())))) {
        folders.add(chart.folder());
      }
    }
    return folders;
  }

  private static Problem locate(ResolvedPlatform platform, PolicyFinding finding) {
    String what = "[" + finding.rule() + "] " + finding.object() + " in environment " + finding.environment()
        + (finding.field().isEmpty() ? "" : ": " + finding.field()) + ": " + finding.message();
    ResolvedApp app = finding.app() == null ? null : platform.baseApps().get(finding.app());
    if (app == null) {
      return Problem.at(SourceLocation.ofFile("environments/" + finding.environment() + ".yaml"), "", what);
    }
    ResolvedComponent component = finding.component() == null ? null : app.components().get(finding.component());
    String hint = "if it cannot apply, waive it in " + app.origin().file() + " with policy.waive."
        + finding.rule() + ": <reason>";
    if (component == null) {
      return new Problem(app.origin().location(), "", what, hint);
    }
    String field = specField(finding.field());
    return new Problem(field == null ? component.origin().location() : component.origin().of(field),
        field == null ? component.origin().path() : component.origin().pathOf(field), what, hint);
  }

  /**
   * The component spec field that a Kubernetes field of its workload came from, so the error
   * points at the line to change: {@code spec.template.spec.containers[0].resources.limits} →
   * {@code resources}. Null when no single spec field produced it.
   */
  static String specField(String kubernetesField) {
    if (kubernetesField == null) {
      return null;
    }
    String field = kubernetesField.replaceAll("\\[\\d+]", "");
    String[][] mapping = {
        {".containers.resources", "resources"}, {".containers.livenessProbe", "probes"},
        {".containers.readinessProbe", "probes"}, {".containers.startupProbe", "probes"},
        {".containers.image", "image"}, {".containers.env", "env"}, {".containers.ports", "ports"},
        {".containers.command", "command"}, {".containers.args", "args"},
        {".containers.volumeMounts", "volumes"}, {".volumes", "volumes"}, {"spec.replicas", "replicas"},
        {"spec.schedule", "schedule"}, {"spec.concurrencyPolicy", "concurrencyPolicy"},
        {"spec.rules", "host"}, {"spec.tls", "host"}, {"spec.hostnames", "host"}};
    for (String[] entry : mapping) {
      if (field.contains(entry[0]) || field.startsWith(entry[0])) {
        return entry[1];
      }
    }
    return null;
  }

  /** The spec line of the component that rendered the object, plus chart path and field. */
  private static Problem locate(ResolvedPlatform platform, EnvironmentSpec environment, ManifestViolation violation) {
    String source = violation.source() == null ? "" : violation.source();
    String what = violation.kind() + " " + violation.name() + " (" + source + ") in environment "
        + environment.name() + ": " + violation.path() + ": " + violation.message();
    Matcher matcher = SUBCHART_SOURCE.matcher(source);
    if (matcher.matches()) {
      ResolvedApp app = platform.baseApps().get(matcher.group(1));
      if (app != null) {
        String template = matcher.group(2);
        for (ResolvedComponent component : app.components().values()) {
          if (template.startsWith(component.name() + "-")) {
            String field = specField(violation.path());
            return field == null
                ? Problem.at(component.origin().location(), component.origin().path(), what)
                : Problem.at(component.origin().of(field), component.origin().pathOf(field), what);
          }
        }
        return Problem.at(app.origin().location(), "", what);
      }
    }
    return Problem.at(SourceLocation.ofFile(RepoLayout.UMBRELLA_CHART + "/" + source.replaceFirst("^[^/]+/", "")), "", what);
  }

}
