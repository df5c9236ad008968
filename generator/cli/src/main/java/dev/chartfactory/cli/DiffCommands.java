package dev.chartfactory.cli;

import dev.chartfactory.core.Pipeline;
import dev.chartfactory.core.diff.DiffReport;
import dev.chartfactory.core.diff.EnvironmentDiff;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.error.StaleOutputException;
import dev.chartfactory.core.git.GitRepo;
import dev.chartfactory.core.git.GitSpecSource;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.write.ChartChange;
import dev.chartfactory.core.write.ChartWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * {@code check} and {@code diff}: what the specs would change, compared with the committed
 * charts, as files and as Kubernetes objects per environment.
 */
@Component
public class DiffCommands {

  @Command(name = "check", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Exit 2 when charts/ and umbrella-chart/ are not what the specs generate, with an object diff per environment")
  public String check(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "output", defaultValue = "text", description = "text | markdown (for a PR comment)") String output,
      @Option(longName = "quiet", description = "no progress output") boolean quiet) {
    Pipeline pipeline = new Pipeline(Terminal.progress(quiet));
    DirectorySpecSource source = new DirectorySpecSource(Path.of(repo));
    ResolvedPlatform platform = pipeline.resolve(source);
    ChartWriter writer = new ChartWriter(source.root());
    // Charts that differ only in the source commit they record (generate-all --commit) are up to date.
    List<RenderedChart> charts = writer.withProvenance(pipeline.render(platform, Set.of()), Provenance.NONE);
    List<ChartChange> changes = writer.plan(charts, true);
    if (changes.isEmpty()) {
      return "up to date: charts match the specs";
    }
    List<Problem> problems = new ArrayList<>();
    for (ChartChange change : changes) {
      change.added().forEach(f -> problems.add(stale(change, f, "missing (would be added)")));
      change.changed().forEach(f -> problems.add(stale(change, f, "differs from what the specs generate")));
      change.removed().forEach(f -> problems.add(stale(change, f, "is no longer generated (would be removed)")));
    }
    String diff = objectDiff(source, platform, writer.existing(), charts, platform.repo().environmentNames(), output);
    if (!diff.isBlank()) {
      System.out.println(diff.stripTrailing());
      System.out.flush();
    }
    throw new StaleOutputException("generated charts are stale: run 'factory generate-all'"
        + " (or make generate-all) and commit the result", problems);
  }

  @Command(name = "diff", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Show, per environment, which Kubernetes objects and fields the specs change against the committed charts")
  public String diff(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "env", description = "one environment (default: all)") String environment,
      @Option(longName = "from", description = "compare specs at this Git ref (default: the committed charts)") String from,
      @Option(longName = "to", description = "with --from: specs at this Git ref (default: the work tree)") String to,
      @Option(longName = "output", defaultValue = "text", description = "text | markdown") String output) {
    Pipeline pipeline = new Pipeline(Terminal.progress(true));
    DirectorySpecSource source = new DirectorySpecSource(Path.of(repo));
    if (to != null && from == null) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile("<command line>"), "--to",
          "needs --from (expected --from REF [--to REF])"));
    }
    List<RenderedChart> before;
    ResolvedPlatform platform;
    if (from == null) {
      platform = pipeline.resolve(source);
      before = new ChartWriter(source.root()).existing();
    } else {
      try (GitRepo git = GitRepo.open(repo)) {
        // Separate pipelines: the two sides must not share cached parses.
        Pipeline base = new Pipeline(Terminal.progress(true));
        before = base.render(base.resolve(new GitSpecSource(git, from)), Set.of());
        platform = to == null ? pipeline.resolve(source) : pipeline.resolve(new GitSpecSource(git, to));
      }
    }
    List<String> environments = CliArguments.environments(platform, environment);
    ChartWriter writer = new ChartWriter(source.root());
    List<RenderedChart> charts = writer.withProvenance(pipeline.render(platform, Set.of()), Provenance.NONE);
    String diff = objectDiff(source, platform, before, charts, environments, output);
    return diff.isBlank() ? "no changes" : diff.stripTrailing();
  }


  private static Problem stale(ChartChange change, String file, String what) {
    return Problem.at(SourceLocation.ofFile(change.folder() + "/" + file), "", what);
  }

  /** The object diff, or a note when helm is missing or the committed charts do not render. */
  private static String objectDiff(DirectorySpecSource source, ResolvedPlatform platform,
      List<RenderedChart> committed, List<RenderedChart> generated, List<String> environments, String output) {
    if (!output.equals("text") && !output.equals("markdown")) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile("<command line>"), "--output",
          "'" + output + "' is not an output format (expected text or markdown)"));
    }
    HelmCli helm;
    try {
      helm = CliHelm.forRepo(source.root());
    } catch (HelmException e) {
      return "(no object diff: " + e.getMessage().lines().findFirst().orElse("helm not found") + ")";
    }
    boolean hasUmbrella = committed.stream().anyMatch(c -> c.folder().equals("umbrella-chart"));
    DiffReport report = new EnvironmentDiff(helm).diff(hasUmbrella ? committed : List.of(), generated,
        environments, platform.factory().umbrella().name(), platform.factory().umbrella().namespace());
    return output.equals("markdown") ? report.markdown() : report.text();
  }
}
