package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.git.GitCommitter;
import dev.chartfactory.core.git.GitRepo;
import dev.chartfactory.core.git.GitSpecSource;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.load.SpecSource;
import dev.chartfactory.core.pipeline.HelmBinary;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.pipeline.RenderMemo;
import dev.chartfactory.core.pipeline.ScratchFolders;
import dev.chartfactory.core.pipeline.Validators;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ChartWorkspace;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import dev.chartfactory.core.write.ChartChange;
import dev.chartfactory.core.write.ChartWriter;
import dev.chartfactory.core.write.RepoLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Validated generation: specs → rendered charts → helm and schema validation → written charts,
 * optionally read from a Git ref and committed, then pushed with retry (regenerating from the
 * new remote head when someone pushed meanwhile).
 */
final class Generation {

  private final PipelineListener listener;

  Generation(PipelineListener listener) {
    this.listener = listener;
  }

  GenerateResult run(GenerateRequest request) {
    // A URL is always read through Git (at HEAD without --ref); only a folder can be read as files.
    if (request.ref().isEmpty() && !request.commit() && !GitRepo.isUrl(request.repo())) {
      DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(request.repo()).root());
      Path root = request.output() == null ? source.root() : request.output();
      if (request.dryRun() || request.output() != null) {
        List<ChartChange> changes = generate(source, root, request.apps(), request.dryRun(),
            request.skipValidation(), Provenance.NONE, request.noCache());
        return new GenerateResult(changed(changes), request.dryRun(), "", false, "", "");
      }
      try (RepoLock lock = RepoLock.acquire(root, request.apps().isEmpty() ? "generate-all" : "generate", listener)) {
        List<ChartChange> changes = generate(source, root, request.apps(), false, request.skipValidation(),
            Provenance.NONE, request.noCache());
        return new GenerateResult(changed(changes), false, "", false, "", "");
      }
    }
    return throughGit(request);
  }

  private GenerateResult throughGit(GenerateRequest request) {
    if (request.commit() && request.dryRun()) {
      throw new UsageException("dry-run",
          "--dry-run writes nothing, so it cannot be combined with --commit, --push or --pr-branch");
    }
    try (GitRepo git = GitRepo.open(request.repo());
         RepoLock lock = git.workTree() == null || request.dryRun() ? null
             : RepoLock.acquire(outputRoot(git, false), "generate-all", listener)) {
      String ref = request.ref();
      String readRef = ref.isEmpty() ? Constants.HEAD : ref;
      GitCommitter committer = null;
      String branch = git.workTree() == null ? null : git.currentBranch();
      if (request.commit()) {
        committer = new GitCommitter(git, GitCommitter.author(request.author(), git.repository().getConfig()), listener);
        if (!git.isCheckedOut(readRef)) {
          throw new GitException("--ref " + ref + " is not the checked-out "
              + (branch == null ? "commit (HEAD is detached)" : "branch (" + branch + ")")
              + ": --commit writes the charts into the work tree, so check out " + ref
              + " first, or drop --commit/--push/--pr-branch to only generate from it");
        }
        if (request.push() && request.prBranch().isEmpty() && branch == null) {
          throw new GitException("HEAD is detached: --push needs a checked-out branch; check one out, or use --pr-branch NAME");
        }
        committer.requireCommittedSpecs();
      }
      GitSpecSource source = new GitSpecSource(git, readRef);
      Path root = outputRoot(git, request.dryRun());
      List<ChartChange> changes = generate(source, root, Set.of(), request.dryRun(), request.skipValidation(),
          Provenance.ofCommit(source.commitId().name()), request.noCache());
      if (committer == null) {
        return new GenerateResult(changed(changes), request.dryRun(), source.describe(), false, "", "");
      }
      Optional<RevCommit> made = committer.commit(source.commitId());
      if (made.isEmpty()) {
        return new GenerateResult(changed(changes), false, source.describe(), true, "", "");
      }
      String commit = made.get().getId().abbreviate(7).name() + " " + made.get().getShortMessage();
      String pushedTo = "";
      if (request.push() || !request.prBranch().isEmpty()) {
        boolean toPrBranch = !request.prBranch().isEmpty();
        String target = toPrBranch ? request.prBranch() : branch;
        // A PR branch is new: a rejection there is an error, not a reason to regenerate.
        ObjectId pushed = committer.push(target, toPrBranch ? null : newSource -> generate(
            new GitSpecSource(git, newSource.name()), root, Set.of(), false, request.skipValidation(),
            Provenance.ofCommit(newSource.name()), request.noCache()));
        pushedTo = pushed.abbreviate(7).name() + " to origin/" + target;
      }
      return new GenerateResult(changed(changes), false, source.describe(), true, commit, pushedTo);
    }
  }

  /** Specs from {@code source} → charts under {@code root}, validated, written unless a dry run. */
  private List<ChartChange> generate(SpecSource source, Path root, Set<String> apps, boolean dryRun,
      boolean skipValidation, Provenance provenance, boolean noCache) {
    Pipeline pipeline = new Pipeline(listener);
    ResolvedPlatform platform = pipeline.resolve(source);
    for (String app : apps) {
      if (!platform.baseApps().containsKey(app)) {
        throw new UsageException("app", "'" + app + "' is not an app of this repo (expected one of: "
            + String.join(", ", platform.baseApps().keySet()) + ")",
            Suggestions.hint(app, platform.baseApps().keySet()));
      }
    }
    ChartWriter writer = new ChartWriter(root);
    Set<String> fromDisk = new java.util.HashSet<>();
    List<RenderedChart> charts = writer.withProvenance(render(pipeline, platform, source, apps, writer, noCache,
        fromDisk), provenance);
    if (skipValidation) {
      return dryRun ? writer.plan(charts, apps.isEmpty()) : writer.write(charts, apps.isEmpty(), null, fromDisk);
    }
    // Validation renders, next to the output, only the charts whose results are not cached (for
    // generate APP, only that app's and the umbrella's own objects): the charts that pass are
    // moved into place from there, not written again.
    Path staging = dryRun ? ScratchFolders.create("factory-validate-") : writer.stagingFolder();
    try {
      ChartValidator.Validated validated = Validators.forRepo(root, listener, noCache).validateIn(staging, platform,
          charts);
      return dryRun ? writer.plan(charts, apps.isEmpty())
          : writer.write(charts, apps.isEmpty(), validated.workspace(), fromDisk);
    } finally {
      ChartWorkspace.deleteQuietly(staging);
    }
  }

  /**
   * The charts of {@code apps} (all when empty) and the umbrella: from the disk where the render
   * memo proves the chart there is what rendering gives (their folders are added to
   * {@code fromDisk}), rendered otherwise.
   */
  private static List<RenderedChart> render(Pipeline pipeline, ResolvedPlatform platform, SpecSource source,
      Set<String> apps, ChartWriter writer, boolean noCache, Set<String> fromDisk) {
    java.util.Collection<String> wanted = apps.isEmpty() ? platform.baseApps().keySet() : apps;
    RenderMemo memo = source instanceof DirectorySpecSource ? Validators.renderMemo(source, wanted, platform.callers(), noCache)
        : RenderMemo.OFF;
    java.util.Map<String, RenderedChart> reused = new java.util.concurrent.ConcurrentHashMap<>();
    wanted.parallelStream().forEach(app -> memo.reuse(app, RepoLayout.chartFolder(app), writer)
        .ifPresent(chart -> reused.put(app, chart)));
    List<String> toRender = wanted.stream().filter(app -> !reused.containsKey(app)).toList();
    List<RenderedChart> rendered = pipeline.renderApps(platform, toRender);
    memo.remember(rendered);
    reused.values().forEach(chart -> fromDisk.add(chart.folder()));
    java.util.Map<String, RenderedChart> byApp = new java.util.HashMap<>(reused);
    rendered.stream().filter(chart -> !chart.isUmbrella()).forEach(chart -> byApp.put(chart.name(), chart));
    List<RenderedChart> charts = new java.util.ArrayList<>();
    platform.baseApps().keySet().stream().filter(byApp::containsKey).forEach(app -> charts.add(byApp.get(app)));
    charts.add(RenderedChart.umbrellaIn(rendered).orElseThrow());
    return charts;
  }

  static List<ChangedChart> changed(List<ChartChange> changes) {
    return changes.stream().map(change -> new ChangedChart(change.folder(), change.added(), change.changed(),
        change.removed())).toList();
  }

  /** The config repo's folder in the work tree; for a remote or bare repo, an empty scratch folder (dry run). */
  private static Path outputRoot(GitRepo git, boolean dryRun) {
    if (git.workTree() != null) {
      return git.workTree().resolve(git.prefix()).normalize();
    }
    if (!dryRun) {
      throw new GitException(git.name() + " has no work tree to write the charts to: add --dry-run to see"
          + " what it generates, or clone it and pass the clone's folder as --repo");
    }
    return ScratchFolders.create("factory-dry-run-");
  }
}
