package dev.chartfactory.cli;

import dev.chartfactory.core.api.ChangedChart;
import dev.chartfactory.core.api.ChartFactory;
import dev.chartfactory.core.api.GenerateRequest;
import dev.chartfactory.core.api.GenerateResult;
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
    return print(new ChartFactory(Terminal.progress(quiet)).generate(
        new GenerateRequest(repo, Set.of(), ref, commit, push, prBranch, author, dryRun, skipValidation)
            .withoutCache(noCache)));
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
    return print(new ChartFactory(Terminal.progress(quiet)).generate(
        GenerateRequest.app(repo, app, dryRun, skipValidation).withoutCache(noCache)));
  }

  static boolean isBlank(String option) {
    return option == null || option.isBlank();
  }

  private static String print(GenerateResult result) {
    StringBuilder text = new StringBuilder(summary(result.changes(), result.dryRun()));
    if (!result.source().isEmpty()) {
      text.append("\nsource: ").append(result.source());
    }
    if (result.commitRequested()) {
      text.append(result.commit().isEmpty() ? "\nnothing to commit" : "\ncommitted " + result.commit());
    }
    if (!result.pushedTo().isEmpty()) {
      text.append("\npushed ").append(result.pushedTo());
    }
    return text.toString();
  }

  static String summary(List<ChangedChart> changes, boolean dryRun) {
    if (changes.isEmpty()) {
      return "up to date: nothing changed";
    }
    StringBuilder text = new StringBuilder(dryRun ? "would change:\n" : "changed:\n");
    for (ChangedChart change : changes) {
      text.append(String.format("  %-32s +%d ~%d -%d%n", change.folder(), change.added().size(),
          change.changed().size(), change.removed().size()));
    }
    return text.toString().stripTrailing();
  }
}
