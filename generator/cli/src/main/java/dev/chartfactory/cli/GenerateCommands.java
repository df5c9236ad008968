package dev.chartfactory.cli;

import dev.chartfactory.core.Pipeline;
import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ChartWorkspace;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import dev.chartfactory.core.validate.ValidationCache;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.git.GitRepo;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.load.SpecSource;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.write.ChartChange;
import dev.chartfactory.core.write.ChartWriter;
import dev.chartfactory.core.write.RepoLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code generate-all} and {@code generate APP}: specs → charts, written only when valid. */
@Component
public class GenerateCommands {

  @Command(name = "generate-all", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Render every app chart and the umbrella chart and write the ones that changed")
  public String generateAll(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "dry-run", description = "show what would change, write nothing") boolean dryRun,
      @Option(longName = "skip-validation", description = "do not run helm lint/template and schema checks") boolean skipValidation,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet,
      @Option(longName = "ref", defaultValue = "", description = "read the specs from this Git branch, tag or commit") String ref,
      @Option(longName = "commit", description = "commit the generated charts (only charts/ and umbrella-chart/)") boolean commit,
      @Option(longName = "push", description = "commit, then push to the checked-out branch (retried if someone pushed meanwhile)") boolean push,
      @Option(longName = "pr-branch", defaultValue = "", description = "commit, then push to this new branch instead") String prBranch,
      @Option(longName = "author", defaultValue = "", description = "commit author \"Name <email>\" (default: git config, else Chart Factory)") String author,
      @Option(longName = "no-cache", description = "validate every environment again, ignoring results kept from earlier runs") boolean noCache) {
    return withCache(noCache, () -> {
      // A URL is always read through Git (at HEAD without --ref); only a folder can be read as files.
      if (isBlank(ref) && !commit && !push && isBlank(prBranch) && !GitRepo.isUrl(repo)) {
        return generate(repo, Set.of(), dryRun, skipValidation, quiet);
      }
      return GitRoundTrip.run(repo, ref, commit || push || !isBlank(prBranch), push, prBranch, author, dryRun,
          skipValidation, Terminal.progress(quiet));
    });
  }

  @Command(name = "generate", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Render one app's chart (and the umbrella) and write them if they changed")
  public String generateOne(
      @Argument(index = 0, description = "app name") String app,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "dry-run", description = "show what would change, write nothing") boolean dryRun,
      @Option(longName = "skip-validation", description = "do not run helm lint/template and schema checks") boolean skipValidation,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet,
      @Option(longName = "no-cache", description = "validate every environment again, ignoring results kept from earlier runs") boolean noCache) {
    return withCache(noCache, () -> generate(repo, Set.of(app), dryRun, skipValidation, quiet));
  }

  private static String generate(String repo, Set<String> apps, boolean dryRun, boolean skipValidation,
      boolean quiet) {
    DirectorySpecSource source = new DirectorySpecSource(Path.of(repo));
    PipelineListener listener = Terminal.progress(quiet);
    if (dryRun) {
      return summary(generate(source, source.root(), apps, true, skipValidation, Provenance.NONE, listener), true);
    }
    try (RepoLock lock = RepoLock.acquire(source.root(), apps.isEmpty() ? "generate-all" : "generate", listener)) {
      return summary(generate(source, source.root(), apps, false, skipValidation, Provenance.NONE, listener), false);
    }
  }

  /** Specs from {@code source} → charts under {@code root}, validated, written unless a dry run. */
  static List<ChartChange> generate(SpecSource source, Path root, Set<String> apps, boolean dryRun,
      boolean skipValidation, Provenance provenance, PipelineListener listener) {
    Pipeline pipeline = new Pipeline(listener);
    ResolvedPlatform platform = pipeline.resolve(source);
    for (String app : apps) {
      if (!platform.baseApps().containsKey(app)) {
        throw SpecException.of(new Problem(SourceLocation.ofFile("<command line>"), "app",
            "'" + app + "' is not an app of this repo (expected one of: "
                + String.join(", ", platform.baseApps().keySet()) + ")",
            dev.chartfactory.core.check.Suggestions.hint(app, platform.baseApps().keySet())));
      }
    }
    ChartWriter writer = new ChartWriter(root);
    List<RenderedChart> charts = writer.withProvenance(pipeline.render(platform, apps), provenance);
    if (skipValidation) {
      return dryRun ? writer.plan(charts, apps.isEmpty()) : writer.write(charts, apps.isEmpty());
    }
    // The umbrella needs every app chart, so validation renders all of them. They are laid out
    // for helm next to the output, so the charts that pass are moved into place, not written again.
    List<RenderedChart> all = apps.isEmpty() ? charts
        : writer.withProvenance(pipeline.render(platform, Set.of()), provenance);
    Path staging = dryRun ? ScratchFolders.create("factory-validate-") : writer.stagingFolder();
    try {
      ChartWorkspace workspace = ChartWorkspace.of(staging, all);
      validator(root, listener).validate(platform, workspace, all);
      return dryRun ? writer.plan(charts, apps.isEmpty()) : writer.write(charts, apps.isEmpty(), workspace);
    } finally {
      ChartWorkspace.deleteQuietly(staging);
    }
  }

  static boolean isBlank(String option) {
    return option == null || option.isBlank();
  }

  static ChartValidator validator(Path repoRoot, PipelineListener listener) {
    return new ChartValidator(CliHelm.forRepo(repoRoot), new ManifestSchemaValidator(), listener, validationCache());
  }

  /** Set by {@code --no-cache} for the command being run (one command per process). */
  static volatile boolean cacheDisabled;

  /** The user's validation cache, unless {@code --no-cache} or {@code FACTORY_CACHE=off}. */
  static ValidationCache validationCache() {
    return cacheDisabled || "off".equals(System.getenv("FACTORY_CACHE")) ? ValidationCache.DISABLED
        : ValidationCache.inUserCacheDirectory(System.getenv());
  }

  /** Runs {@code command} with the cache off when {@code noCache}. */
  static <T> T withCache(boolean noCache, java.util.function.Supplier<T> command) {
    boolean before = cacheDisabled;
    cacheDisabled = noCache;
    try {
      return command.get();
    } finally {
      cacheDisabled = before;
    }
  }

  static String summary(List<ChartChange> changes, boolean dryRun) {
    if (changes.isEmpty()) {
      return "up to date: nothing changed";
    }
    StringBuilder text = new StringBuilder(dryRun ? "would change:\n" : "changed:\n");
    for (ChartChange change : changes) {
      text.append(String.format("  %-32s +%d ~%d -%d%n", change.folder(), change.added().size(),
          change.changed().size(), change.removed().size()));
    }
    return text.toString().stripTrailing();
  }
}
