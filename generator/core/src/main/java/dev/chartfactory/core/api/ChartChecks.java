package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.Workers;
import dev.chartfactory.core.diff.AffectedApps;
import dev.chartfactory.core.diff.DiffReport;
import dev.chartfactory.core.diff.EnvironmentDiff;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.git.BaseComparison;
import dev.chartfactory.core.git.GitRepo;
import dev.chartfactory.core.git.GitSpecSource;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.HelmBinary;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedComponent;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.resolve.ResolvedReference;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.umbrella.GeneratorId;
import dev.chartfactory.core.umbrella.UmbrellaRenderer;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import dev.chartfactory.core.write.ChartChange;
import dev.chartfactory.core.write.ChartWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * {@code check} and {@code diff}: what the specs would change, compared with the committed
 * charts, as files and as Kubernetes objects per environment.
 */
final class ChartChecks {

  private static final String STALE = "generated charts are stale: run 'factory generate-all'"
      + " (or make generate-all) and commit the result";

  private final PipelineListener listener;

  ChartChecks(PipelineListener listener) {
    this.listener = listener;
  }

  CheckResult check(CheckRequest request) {
    Pipeline pipeline = new Pipeline(listener);
    DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(request.repo()).root());
    if (request.base() != null) {
      // Git and the spec loader work on different files: open the repo and compare on a thread of
      // its own while the specs load (the loader's parallel parsing has the common pool).
      CompletableFuture<BaseComparison> comparison = CompletableFuture.supplyAsync(
          () -> BaseComparison.open(source.root(), request.base()), Workers.threadPerTask("factory-base-comparison"));
      try {
        ResolvedPlatform platform = pipeline.resolve(source);
        return pullRequestCheck(pipeline, platform, source, Workers.join(comparison), request.format());
      } finally {
        comparison.thenAccept(BaseComparison::close);
      }
    }
    ResolvedPlatform platform = pipeline.resolve(source);
    ChartWriter writer = new ChartWriter(source.root());
    // Charts that differ only in the source commit they record (generate-all --commit) are up to date.
    List<RenderedChart> charts = writer.withProvenance(pipeline.render(platform, Set.of()), Provenance.NONE);
    List<ChartChange> changes = writer.plan(charts, true);
    if (changes.isEmpty()) {
      return new CheckResult(request.format() == OutputFormat.JSON ? new DiffReport(Map.of()).json() : "",
          List.of(), "");
    }
    // The diff renders only the apps whose chart or umbrella values block is stale: the
    // others render the same on both sides.
    List<RenderedChart> committed = writer.existing(List.of(RepoLayout.UMBRELLA_CHART));
    AffectedApps valuesChanged = AffectedApps.ofUmbrellaValues(committed.isEmpty() ? null : committed.get(0),
        RenderedChart.umbrellaIn(charts).orElseThrow(), platform.baseApps().keySet());
    Set<String> stale = new TreeSet<>(List.of(RepoLayout.UMBRELLA_CHART));
    changes.forEach(change -> stale.add(change.folder()));
    charts.stream().filter(chart -> valuesChanged.includes(chart.name()) && !chart.isUmbrella())
        .forEach(chart -> stale.add(chart.folder()));
    ObjectDiff diff = objectDiff(source, platform, writer.existing(stale),
        charts.stream().filter(chart -> stale.contains(chart.folder())).toList(),
        platform.repo().environmentNames(), request.format(), "", false);
    return new CheckResult(diff.text(), staleFiles(changes, List.of()), STALE);
  }

  /**
   * check --base: renders the apps changed since the base (all of them when a shared input or
   * the generator changed), compares them with the committed charts, and says what the pull
   * request changes.
   */
  private CheckResult pullRequestCheck(Pipeline pipeline, ResolvedPlatform platform, DirectorySpecSource source,
      BaseComparison comparison, OutputFormat format) {
    ChartWriter writer = new ChartWriter(source.root());
    AffectedApps changed = AffectedApps.of(comparison.changedPaths(),
        GeneratorId.current().equals(recordedGenerator(source.root())));
    // Callers of a changed app hold its Service address (${ref:…}) in their own charts.
    AffectedApps affected = changed.withCallers(platform.callersOf(changed.apps()));
    List<String> apps = platform.baseApps().keySet().stream().filter(affected::includes).toList();
    int callers = affected.apps().size() - changed.apps().size();
    listener.progress("base", (affected.all() ? "every app (" + affected.reason() + ")"
        : changed.apps().size() + (changed.apps().size() == 1 ? " app" : " apps") + " changed")
        + " since " + comparison.describeBase()
        + (callers > 0 ? ", and " + callers + (callers == 1 ? " app refers" : " apps refer") + " to them" : ""));
    List<RenderedChart> atBase = comparison.chartsAtBase(affected);
    UmbrellaRenderer umbrella = new UmbrellaRenderer();
    RenderedChart.umbrellaIn(atBase).ifPresent(committed -> {
      // Apps with the base's inputs get the base's values blocks; a hand edit of one in the
      // pull request then shows as stale.
      Set<String> trusted = new TreeSet<>(platform.baseApps().keySet());
      trusted.removeAll(apps);
      umbrella.reuseBlocks(platform, committed, trusted);
    });
    List<RenderedChart> charts = writer.withProvenance(pipeline.renderApps(platform, apps, umbrella),
        Provenance.NONE);
    List<ChartChange> changes = writer.plan(charts, platform.baseApps().keySet());
    listener.progress("compare", changes.isEmpty() ? "the committed charts match"
        : changes.size() + (changes.size() == 1 ? " chart is" : " charts are") + " stale");
    ObjectDiff diff = objectDiff(source, platform, atBase, charts,
        platform.repo().environmentNames(), format, comparison.describeBase(), true);
    if (changes.isEmpty() && diff.invalid().isEmpty()) {
      return new CheckResult(diff.text(), List.of(), "");
    }
    if (changes.isEmpty()) {
      return new CheckResult(diff.text(), diff.invalid(), "the generated charts fail validation (made with"
          + " --skip-validation?): fix the specs, run 'factory generate-all' and commit the result");
    }
    return new CheckResult(diff.text(), staleFiles(changes, diff.invalid()), STALE);
  }

  DiffResult diff(DiffRequest request) {
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);
    DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(request.repo()).root());
    if (request.to() != null && request.from() == null) {
      throw new UsageException("--to", "needs --from (expected --from REF [--to REF])");
    }
    List<RenderedChart> before;
    ResolvedPlatform platform;
    if (request.from() == null) {
      platform = pipeline.resolve(source);
      before = new ChartWriter(source.root()).existing();
    } else {
      try (GitRepo git = GitRepo.open(request.repo())) {
        // Separate pipelines: the two sides must not share cached parses.
        Pipeline base = new Pipeline(PipelineListener.SILENT);
        before = base.render(base.resolve(new GitSpecSource(git, request.from())), Set.of());
        platform = request.to() == null ? pipeline.resolve(source)
            : pipeline.resolve(new GitSpecSource(git, request.to()));
      }
    }
    List<String> environments = environments(platform, request.environment());
    ChartWriter writer = new ChartWriter(source.root());
    List<RenderedChart> charts = writer.withProvenance(pipeline.render(platform, Set.of()), Provenance.NONE);
    ObjectDiff diff = objectDiff(source, platform, before, charts, environments, request.format(), "", false);
    return new DiffResult(diff.text(), diff.changed());
  }

  /** The environments an {@code --env} option selects: the one named, or all when null. */
  static List<String> environments(ResolvedPlatform platform, String environment) {
    List<String> environments = platform.repo().environmentNames();
    if (environment == null) {
      return environments;
    }
    if (!environments.contains(environment)) {
      throw new UsageException("--env", "'" + environment + "' is not an environment (expected one of: "
          + String.join(", ", environments) + ")", Suggestions.hint(environment, environments));
    }
    return List.of(environment);
  }

  /** The stale files as problems, then {@code alsoInvalid}. */
  private static List<Problem> staleFiles(List<ChartChange> changes, List<Problem> alsoInvalid) {
    List<Problem> problems = new ArrayList<>();
    for (ChartChange change : changes) {
      change.added().forEach(f -> problems.add(stale(change, f, "missing (would be added)")));
      change.changed().forEach(f -> problems.add(stale(change, f, "differs from what the specs generate")));
      change.removed().forEach(f -> problems.add(stale(change, f, "is no longer generated (would be removed)")));
    }
    problems.addAll(alsoInvalid);
    return problems;
  }

  private static Problem stale(ChartChange change, String file, String what) {
    return Problem.at(SourceLocation.ofFile(change.folder() + "/" + file), "", what);
  }

  /** The generator the committed umbrella records, "" when there is none. */
  private static String recordedGenerator(Path root) {
    Path chartYaml = root.resolve(RepoLayout.UMBRELLA_CHART + "/Chart.yaml");
    try {
      return Files.isRegularFile(chartYaml) ? GeneratorId.recordedIn(Files.readString(chartYaml)) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** Per environment, the env values written with {@code ${ref:…}}, shown beside their resolved change. */
  private static Map<String, List<DiffReport.EnvNote>> referenceNotes(ResolvedPlatform platform) {
    Map<String, List<DiffReport.EnvNote>> notes = new java.util.TreeMap<>();
    for (ResolvedReference reference : platform.references()) {
      if (reference.environment() == null) {
        continue;
      }
      ResolvedApp app = platform.environments().get(reference.environment()).get(reference.fromApp());
      ResolvedComponent component = app.components().get(reference.fromComponent());
      notes.computeIfAbsent(reference.environment(), environment -> new ArrayList<>()).add(new DiffReport.EnvNote(
          app.namespace(), component.resourceNameIn(app.name()), component.name(), reference.variable(),
          reference.written()));
    }
    return notes;
  }

  /** The object diff as text, what the checks of the new objects found wrong in them, and whether anything changed. */
  private record ObjectDiff(String text, List<Problem> invalid, boolean changed) {}

  /**
   * The object diff, or a note when helm is missing. {@code against} names the base for the
   * heading, "" for none. With {@code check}, the objects helm rendered from {@code generated}
   * also go through the Kubernetes schemas and the policy rules, as generate-all's validation
   * does.
   */
  private static ObjectDiff objectDiff(DirectorySpecSource source, ResolvedPlatform platform,
      List<RenderedChart> committed, List<RenderedChart> generated, List<String> environments, OutputFormat format,
      String against, boolean check) {
    HelmCli helm;
    try {
      helm = HelmBinary.forRepo(source.root());
    } catch (HelmException e) {
      return new ObjectDiff("(no object diff: " + e.getMessage().lines().findFirst().orElse("helm not found") + ")",
          List.of(), true);
    }
    boolean hasUmbrella = RenderedChart.umbrellaIn(committed).isPresent();
    EnvironmentDiff.Result result = new EnvironmentDiff(helm).diff(hasUmbrella ? committed : List.of(), generated,
        environments, platform.factory().umbrella().name(), platform.factory().umbrella().namespace());
    List<Problem> invalid = new ArrayList<>();
    if (check) {
      ChartValidator validator = new ChartValidator(helm, new ManifestSchemaValidator(), PipelineListener.SILENT);
      result.renderedAfter().forEach((environment, rendered) -> invalid.addAll(
          validator.problemsIn(platform, platform.repo().environments().get(environment), rendered)));
    }
    DiffReport report = result.report().withNotes(referenceNotes(platform));
    if (format == OutputFormat.JSON) {
      return new ObjectDiff(report.json(), invalid, !report.isEmpty());
    }
    boolean markdown = format == OutputFormat.MARKDOWN;
    String heading = against.isEmpty() ? "" : markdown
        ? "Compared with `" + against + "`.\n\n" : "changes since " + against + ":\n";
    return new ObjectDiff(heading + (markdown ? report.markdown() : report.text()), invalid, !report.isEmpty());
  }
}
