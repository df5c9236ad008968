package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.git.GitRepo;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.load.SpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ChartWorkspace;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import dev.chartfactory.core.write.ChartChange;
import dev.chartfactory.core.write.ChartWriter;
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
      @Option(longName = "author", defaultValue = "", description = "commit author \"Name <email>\" (default: git config, else Chart Factory)") String author) {
    // A URL is always read through Git (at HEAD without --ref); only a folder can be read as files.
    if (isBlank(ref) && !commit && !push && isBlank(prBranch) && !GitRepo.isUrl(repo)) {
      return generate(repo, Set.of(), dryRun, skipValidation, quiet);
    }
    return GitRoundTrip.run(repo, ref, commit || push || !isBlank(prBranch), push, prBranch, author, dryRun,
        skipValidation, Terminal.progress(quiet));
  }

  @Command(name = "generate", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Render one app's chart (and the umbrella) and write them if they changed")
  public String generateOne(
      @Argument(index = 0, description = "app name") String app,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "dry-run", description = "show what would change, write nothing") boolean dryRun,
      @Option(longName = "skip-validation", description = "do not run helm lint/template and schema checks") boolean skipValidation,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet) {
    return generate(repo, Set.of(app), dryRun, skipValidation, quiet);
  }

  private static String generate(String repo, Set<String> apps, boolean dryRun, boolean skipValidation,
      boolean quiet) {
    DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(repo).root());
    return summary(generate(source, source.root(), apps, dryRun, skipValidation, Provenance.NONE,
        Terminal.progress(quiet)), dryRun);
  }

  /** Specs from {@code source} → charts under {@code root}, validated, written unless a dry run. */
  static List<ChartChange> generate(SpecSource source, Path root, Set<String> apps, boolean dryRun,
      boolean skipValidation, Provenance provenance, PipelineListener listener) {
    Pipeline pipeline = new Pipeline(listener);
    ResolvedPlatform platform = pipeline.resolve(source);
    for (String app : apps) {
      if (!platform.baseApps().containsKey(app)) {
        throw new UsageException("app",
            "'" + app + "' is not an app of this repo (expected one of: "
                + String.join(", ", platform.baseApps().keySet()) + ")",
            dev.chartfactory.core.error.Suggestions.hint(app, platform.baseApps().keySet()));
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
    return new ChartValidator(CliHelm.forRepo(repoRoot), new ManifestSchemaValidator(), listener);
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
