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

  /** What one part's render in one environment gave: object count, errors, warnings, claims. */
  private record PartResult(int manifests, List<Problem> problems, List<PolicyFinding> warnings,
      PolicyChecker.Claims claims) {}

  /** The passing report, and the workspace the charts rendered by helm were laid out in (null: none). */
  public record Validated(Report report, ChartWorkspace workspace) {}

  /** The part of an environment's render that is the umbrella's own objects (not any app's). */
  private static final String OWN = "";

  /** Validates, or throws {@link ValidationException} listing every error found. */
  public Report validate(ResolvedPlatform platform, List<RenderedChart> charts) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("factory-validate-");
    } catch (IOException e) {
      throw FileAccessException.of("cannot create a scratch folder for validation", e);
    }
    try {
      return validateIn(scratch, platform, charts).report();
    } finally {
      ChartWorkspace.deleteQuietly(scratch);
    }
  }

  /**
   * Validates {@code charts} (the umbrella and some or all app charts), laying out in
   * {@code scratch} (which the caller owns, say to move charts into place afterwards) only the
   * charts helm has to render, or throws {@link ValidationException}.
   *
   * <p>Each app's render in each environment, and the umbrella's own objects in each, are
   * parts validated on their own and cached under a key of their own: an app's subchart sees
   * only its own values block and {@code global}, so its objects are the same whichever other
   * apps render with it (UmbrellaPartsTest proves it on the examples). Only the parts whose key
   * is not in the cache are rendered, through the umbrella cut down to their apps; the rules that
   * span apps (unique hosts, quotas) then run over what every part claims.
   */
  public Validated validateIn(Path scratch, ResolvedPlatform platform, List<RenderedChart> charts) {
    List<EnvironmentSpec> environments = List.copyOf(platform.repo().environments().values());
    RenderedChart umbrella = RenderedChart.umbrellaIn(charts).orElse(null);
    List<RenderedChart> appCharts = charts.stream().filter(chart -> chart != umbrella).toList();
    List<String> parts = new ArrayList<>();
    parts.add(OWN);
    appCharts.forEach(chart -> parts.add(chart.name()));
    // environment → part → key; empty when nothing may be reused (no cache, or values not in blocks).
    Map<String, Map<String, String>> keys = cache.enabled() && umbrella != null
        ? cacheKeys(platform, umbrella, appCharts, environments) : Map.of();
    Map<String, Map<String, PartResult>> results = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, Set<String>> missing = new java.util.LinkedHashMap<>();
    Set<String> rendered = new TreeSet<>();
    int fromCache = 0;
    // Thousands of small entries: read in parallel.
    Map<String, ValidationCache.Entry> hits = new java.util.concurrent.ConcurrentHashMap<>();
    keys.values().stream().flatMap(partKeys -> partKeys.values().stream()).toList().parallelStream()
        .forEach(key -> cache.find(key).ifPresent(entry -> hits.put(key, entry)));
    for (EnvironmentSpec environment : environments) {
      Map<String, PartResult> found = new java.util.concurrent.ConcurrentHashMap<>();
      Set<String> misses = new java.util.LinkedHashSet<>();
      Map<String, String> environmentKeys = keys.getOrDefault(environment.name(), Map.of());
      for (String part : parts) {
        String key = environmentKeys.get(part);
        ValidationCache.Entry hit = key == null ? null : hits.get(key);
        if (hit != null) {
          found.put(part, new PartResult(hit.manifests(), List.of(), hit.warnings(), hit.claims()));
          fromCache++;
        } else {
          misses.add(part);
        }
      }
      results.put(environment.name(), found);
      if (!misses.isEmpty()) {
        missing.put(environment.name(), misses);
        rendered.addAll(misses);
      }
    }
    List<RenderedChart> toRender = appCharts.stream().filter(chart -> rendered.contains(chart.name())).toList();
    List<String> linted = chartsFromUserBlueprints(platform, toRender);
    ChartWorkspace workspace = null;
    List<Problem> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      List<RenderedChart> laidOut = new ArrayList<>(toRender);
      if (umbrella != null) {
        laidOut.add(umbrella);
      }
      // Every app: the whole umbrella as it is. Some: the umbrella cut down to them, without its
      // own templates when no environment needs its own objects again.
      boolean everyApp = umbrella == null || toRender.stream().map(RenderedChart::name)
          .collect(java.util.stream.Collectors.toSet()).equals(dev.chartfactory.core.umbrella.UmbrellaFiles.appNames(umbrella));
      workspace = everyApp ? ChartWorkspace.of(scratch, laidOut)
          : rendered.contains(OWN) ? ChartWorkspace.subset(scratch, laidOut)
          : ChartWorkspace.appsOnly(scratch, laidOut);
      ChartWorkspace layout = workspace;
      int workers = Math.max(1, Math.min(missing.size() + (linted.isEmpty() ? 0 : 1),
          Runtime.getRuntime().availableProcessors() + 1));
      ExecutorService pool = Workers.pool("factory-validate", workers);
      try {
        CompletableFuture<List<Problem>> lint = linted.isEmpty() ? CompletableFuture.completedFuture(List.of())
            : CompletableFuture.supplyAsync(() -> lint(layout, linted), pool);
        List<CompletableFuture<List<Problem>>> renders = new ArrayList<>();
        for (EnvironmentSpec environment : environments) {
          Set<String> misses = missing.get(environment.name());
          if (misses != null) {
            renders.add(CompletableFuture.supplyAsync(() -> render(platform, layout, environment, misses,
                results.get(environment.name())), pool));
          }
        }
        List<RenderedChart> valuesChecked = new ArrayList<>(toRender);
        if (umbrella != null) {
          valuesChecked.add(umbrella);
        }
        problems.addAll(valuesSchemas.check(platform, valuesChecked));
        problems.addAll(Workers.join(lint));
        renders.forEach(render -> problems.addAll(Workers.join(render)));
      } finally {
        pool.shutdownNow();
      }
    }
    List<PolicyFinding> warnings = new ArrayList<>();
    int manifests = 0;
    for (EnvironmentSpec environment : environments) {
      Map<String, PartResult> found = results.get(environment.name());
      List<PolicyChecker.Claims> claims = new ArrayList<>();
      for (String part : parts) {
        PartResult result = found.get(part);
        if (result == null) {
          continue; // helm failed; its problem is listed
        }
        manifests += result.manifests();
        problems.addAll(result.problems());
        warnings.addAll(result.warnings());
        claims.add(result.claims());
      }
      for (PolicyFinding finding : policy.across(platform, environment, claims)) {
        if (finding.severity() == PolicyFinding.Severity.ERROR) {
          problems.add(locate(platform, finding));
        } else {
          warnings.add(finding);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    Map<String, ValidationCache.Entry> passed = new java.util.HashMap<>();
    keys.forEach((environment, partKeys) -> {
      Set<String> misses = missing.getOrDefault(environment, Set.of());
      partKeys.forEach((part, key) -> {
        PartResult done = misses.contains(part) ? results.get(environment).get(part) : null;
        if (done != null) {
          passed.put(key, new ValidationCache.Entry(done.manifests(), done.warnings(), done.claims()));
        }
      });
    });
    cache.storeAll(passed);
    int total = parts.size() * environments.size();
    String cacheNote = !cache.enabled() ? ""
        : " (validated " + (total - fromCache) + " of " + total + " app and umbrella renders, " + fromCache
            + " from cache)";
    listener.progress("validate", manifests + " manifests in " + environments.size()
        + (environments.size() == 1 ? " environment pass" : " environments pass")
        + " helm template, their Kubernetes schemas and the policy rules"
        + (linted.isEmpty() ? "" : "; " + linted.size() + " charts from your blueprints pass helm lint --strict")
        + cacheNote);
    for (PolicyFinding warning : warnings) {
      listener.progress("policy", "warning [" + warning.rule() + "] " + warning.object() + " in environment "
          + warning.environment() + ": " + warning.message());
    }
    return new Validated(new Report(manifests, environments.size(), warnings), workspace);
  }

  /**
   * Per environment and part (an app, or {@link #OWN}), the hash of everything its validation
   * depends on: the generator, helm and schema versions, the release, the environment fields the
   * policy rules read, and then for an app its chart, its waivers, the umbrella's templates and
   * Chart.yaml (but the dependency list) and its own and the {@code global} blocks of the values
   * files; for the umbrella's own objects everything of the umbrella but the apps' blocks and
   * the dependency list. Empty when the values files are not in the block layout.
   */
  private Map<String, Map<String, String>> cacheKeys(ResolvedPlatform platform, RenderedChart umbrella,
      List<RenderedChart> appCharts, List<EnvironmentSpec> environments) {
    String shared = new ValidationCache.KeyBuilder()
        .add("generator", dev.chartfactory.core.umbrella.GeneratorId.current())
        .add("helm", helm.version())
        .add("schemas", ManifestSchemaValidator.SCHEMA_VERSIONS)
        .add("release", platform.factory().umbrella().name() + " " + platform.factory().umbrella().namespace())
        .add("blueprints", String.valueOf(new java.util.TreeMap<>(platform.repo().templateOverrides())))
        .add("chart", String.valueOf(dev.chartfactory.core.umbrella.UmbrellaChartYaml
            .parse(umbrella.files().get("Chart.yaml")).withoutDependencies()))
        .build();
    Set<String> allApps = dev.chartfactory.core.umbrella.UmbrellaFiles.appNames(umbrella);
    // The umbrella's files but Chart.yaml and values: its templates (whose named templates
    // subcharts may include), NOTES.txt, .helmignore.
    ValidationCache.KeyBuilder templatesKey = new ValidationCache.KeyBuilder();
    umbrella.files().forEach((path, content) -> {
      if (!path.equals("Chart.yaml") && !ChartWorkspace.isValuesFile(path)) {
        templatesKey.add(path, content);
      }
    });
    String templates = templatesKey.build();
    Map<String, Map<String, String>> keys = new java.util.LinkedHashMap<>();
    for (EnvironmentSpec environment : environments) {
      Map<String, String> values = dev.chartfactory.core.umbrella.UmbrellaFiles.blocks(umbrella.files().get("values.yaml"));
      String valuesFile = "values-" + environment.name() + ".yaml";
      Map<String, String> environmentValues = umbrella.files().containsKey(valuesFile)
          ? dev.chartfactory.core.umbrella.UmbrellaFiles.blocks(umbrella.files().get(valuesFile)) : Map.of();
      if (values == null || environmentValues == null) {
        return Map.of();
      }
      // The fields the policy rules read; the record's own text includes its Origin, whose
      // field map iterates in a different order in every JVM.
      String environmentFields = environment.name() + " dev=" + environment.dev() + " namespace="
          + environment.namespace() + " prefix=" + environment.namespacePrefix() + " quota=" + environment.quota();
      Map<String, String> partKeys = new java.util.LinkedHashMap<>();
      ValidationCache.KeyBuilder own = new ValidationCache.KeyBuilder().add("shared", shared).add("part", "umbrella")
          .add("environment", environmentFields).add("templates", templates);
      values.forEach((block, text) -> {
        if (!allApps.contains(block)) {
          own.add("values.yaml " + block, text);
        }
      });
      environmentValues.forEach((block, text) -> {
        if (!allApps.contains(block)) {
          own.add(valuesFile + " " + block, text);
        }
      });
      partKeys.put(OWN, own.build());
      for (RenderedChart chart : appCharts) {
        String app = chart.name();
        var spec = platform.repo().apps().get(app);
        ValidationCache.KeyBuilder key = new ValidationCache.KeyBuilder().add("shared", shared).add("part", "app " + app)
            .add("environment", environmentFields).add("templates", templates)
            // What the policy rules read besides the objects: the app's waivers.
            .add("waivers", spec == null ? "" : String.valueOf(new java.util.TreeMap<>(spec.waivers())))
            .add("values.yaml global", values.get("global"))
            .add("values.yaml app", values.get(app))
            .add(valuesFile + " global", environmentValues.get("global"))
            .add(valuesFile + " app", environmentValues.get(app));
        chart.files().forEach(key::add);
        partKeys.put(app, key.build());
      }
      keys.put(environment.name(), partKeys);
    }
    return keys;
  }

  /**
   * {@code helm template} of the laid-out charts in one environment; the parts in {@code misses}
   * are checked and their results put into {@code results}. Returns helm's own failure, if any.
   */
  private List<Problem> render(ResolvedPlatform platform, ChartWorkspace workspace, EnvironmentSpec environment,
      Set<String> misses, Map<String, PartResult> results) {
    String valuesFile = "values-" + environment.name() + ".yaml";
    String output;
    try {
      // Values are checked against each chart's values.schema.json by ValuesSchemaCheck.
      output = HelmTemplate.of(workspace.umbrella(), platform.factory().umbrella().name(),
              platform.factory().umbrella().namespace())
          .values(List.of(workspace.umbrella().resolve(valuesFile))).skipSchemaValidation().run(helm);
    } catch (HelmException e) {
      return List.of(Problem.at(SourceLocation.ofFile(RepoLayout.UMBRELLA_CHART + "/" + valuesFile), "",
          "helm rejected the rendered charts: " + e.getMessage().replace('\n', ' ')));
    }
    Map<String, List<RenderedObjects.Document>> byPart = new java.util.LinkedHashMap<>();
    for (RenderedObjects.Document document : RenderedObjects.documents(output)) {
      String part = partOf(document.source());
      if (misses.contains(part)) {
        byPart.computeIfAbsent(part, ignored -> new ArrayList<>()).add(document);
      }
    }
    output = null; // let the text go while the parts are checked
    for (String part : misses) {
      results.put(part, check(platform, environment, byPart.getOrDefault(part, List.of())));
      byPart.remove(part);
    }
    return List.of();
  }

  /** The app whose subchart a document came from, or {@link #OWN}. */
  static String partOf(String source) {
    if (source == null) {
      return OWN;
    }
    Matcher matcher = SUBCHART_SOURCE.matcher(source);
    return matcher.matches() ? matcher.group(1) : OWN;
  }

  /**
   * The Kubernetes-schema and policy errors in objects already rendered for {@code environment}
   * (say, by helm for a diff), located in the specs; no helm run. Rules that compare apps see
   * only the objects given.
   */
  public List<Problem> problemsIn(ResolvedPlatform platform, EnvironmentSpec environment, String rendered) {
    PartResult result = check(platform, environment, RenderedObjects.documents(rendered));
    List<Problem> problems = new ArrayList<>(result.problems());
    for (PolicyFinding finding : policy.across(platform, environment, List.of(result.claims()))) {
      if (finding.severity() == PolicyFinding.Severity.ERROR) {
        problems.add(locate(platform, finding));
      }
    }
    return problems;
  }

  /** Schemas and policy rules of one part's objects. */
  private PartResult check(ResolvedPlatform platform, EnvironmentSpec environment,
      List<RenderedObjects.Document> documents) {
    List<Problem> problems = new ArrayList<>();
    List<PolicyFinding> warnings = new ArrayList<>();
    for (ManifestViolation violation : schemas.validate(documents)) {
      problems.add(locate(platform, environment, violation));
    }
    PolicyChecker.Unit unit = policy.checkUnit(platform, environment, RenderedObjects.objects(documents));
    for (PolicyFinding finding : unit.findings()) {
      if (finding.severity() == PolicyFinding.Severity.ERROR) {
        problems.add(locate(platform, finding));
      } else {
        warnings.add(finding);
      }
    }
    int manifests = (int) documents.stream().filter(document -> document.object() != null
        && document.object().containsKey("kind")).count();
    return new PartResult(manifests, problems, warnings, unit.claims());
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
