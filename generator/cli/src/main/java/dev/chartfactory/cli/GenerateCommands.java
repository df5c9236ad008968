package dev.chartfactory.cli;

import dev.chartfactory.core.Pipeline;
import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmLocator;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
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
      @Option(longName = "quiet", description = "no progress output") boolean quiet) {
    return generate(repo, Set.of(), dryRun, skipValidation, quiet);
  }

  @Command(name = "generate", group = "Charts", exitStatusExceptionMapper = "factoryExceptions",
      description = "Render one app's chart (and the umbrella) and write them if they changed")
  public String generateOne(
      @Argument(index = 0, description = "app name") String app,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "dry-run", description = "show what would change, write nothing") boolean dryRun,
      @Option(longName = "skip-validation", description = "do not run helm lint/template and schema checks") boolean skipValidation,
      @Option(longName = "quiet", description = "no progress output") boolean quiet) {
    return generate(repo, Set.of(app), dryRun, skipValidation, quiet);
  }

  private static String generate(String repo, Set<String> apps, boolean dryRun, boolean skipValidation,
      boolean quiet) {
    PipelineListener listener = Terminal.progress(quiet);
    Pipeline pipeline = new Pipeline(listener);
    DirectorySpecSource source = new DirectorySpecSource(Path.of(repo));
    ResolvedPlatform platform = pipeline.resolve(source);
    for (String app : apps) {
      if (!platform.baseApps().containsKey(app)) {
        throw SpecException.of(new Problem(SourceLocation.ofFile("<command line>"), "app",
            "'" + app + "' is not an app of this repo (expected one of: "
                + String.join(", ", platform.baseApps().keySet()) + ")",
            dev.chartfactory.core.check.Suggestions.hint(app, platform.baseApps().keySet())));
      }
    }
    List<RenderedChart> charts = pipeline.render(platform, apps);
    if (!skipValidation) {
      // The umbrella needs every app chart, so validation renders all of them.
      List<RenderedChart> all = apps.isEmpty() ? charts : pipeline.render(platform, Set.of());
      validator(source.root(), listener).validate(platform, all);
    }
    ChartWriter writer = new ChartWriter(source.root());
    List<ChartChange> changes = dryRun ? writer.plan(charts, apps.isEmpty()) : writer.write(charts, apps.isEmpty());
    return summary(changes, dryRun);
  }

  static ChartValidator validator(Path repoRoot, PipelineListener listener) {
    try {
      // -Dhelm.binary (tests, scripts), then HELM, PATH and .tools/helm as the locator finds them.
      String property = System.getProperty("helm.binary", "");
      Path binary = !property.isBlank() ? Path.of(property) : new HelmLocator(repoRoot).require();
      HelmCli helm = new HelmCli(binary, Files.createTempDirectory("factory-helm-"));
      return new ChartValidator(helm, new ManifestSchemaValidator(), listener);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
