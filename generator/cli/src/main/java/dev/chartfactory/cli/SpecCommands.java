package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.FactoryException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.load.OverlaySpecSource;
import dev.chartfactory.core.load.SpecLoader;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.pipeline.Validators;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.scaffold.GitIgnoreScaffolder;
import dev.chartfactory.core.scaffold.SpecScaffolder;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.write.RepoLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code validate}, {@code new app} and {@code new component}: working with spec files. */
@Component
public class SpecCommands {

  @Command(name = "validate", group = "Specs", exitStatusExceptionMapper = "factoryExceptions",
      description = "Check every spec, render every chart x environment with helm and check the manifests; report all problems at once")
  public String validate(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "specs-only", description = "check the spec files only; no helm needed") boolean specsOnly,
      @Option(longName = "output", defaultValue = "text", description = "text | json | sarif") String output,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet,
      @Option(longName = "no-cache", description = "validate every environment again, ignoring results kept from earlier runs") boolean noCache) {
    if (!List.of("text", "json", "sarif").contains(output)) {
      throw new UsageException("--output",
          "'" + output + "' is not an output format (expected text, json or sarif)");
    }
    boolean structured = !output.equals("text");
    PipelineListener listener = Terminal.progress(quiet || structured);
    Pipeline pipeline = new Pipeline(listener);
    try {
      ResolvedPlatform platform = pipeline.resolve(new DirectorySpecSource(RepoLayout.of(repo).root()));
      String rendered = "";
      if (!specsOnly) {
        ChartValidator.Report report = Validators.forRepo(RepoLayout.of(repo).root(), listener, noCache)
            .validate(platform, pipeline.render(platform, java.util.Set.of()));
        rendered = ", " + report.manifests() + " rendered manifests in " + report.environments()
            + (report.environments() == 1 ? " environment" : " environments") + (report.warnings().isEmpty() ? "" : " (" + report.warnings().size() + " policy warnings)");
      }
      if (structured) {
        return output.equals("json") ? ProblemFormats.json(List.of()) : ProblemFormats.sarif(List.of());
      }
      int components = platform.baseApps().values().stream().mapToInt(a -> a.components().size()).sum();
      int instances = platform.environments().values().stream().mapToInt(Map::size).sum();
      return "valid: " + platform.baseApps().size() + " apps, " + components + " components, "
          + platform.environments().size() + " environments, " + instances + " instances" + rendered;
    } catch (FactoryException e) {
      if (structured) {
        System.out.println(output.equals("json") ? ProblemFormats.json(e.problems()) : ProblemFormats.sarif(e.problems()));
        System.out.flush();
      }
      throw e;
    }
  }

  @Command(name = {"new", "app"}, group = "Specs", exitStatusExceptionMapper = "factoryExceptions",
      description = "Scaffold apps/NAME/app.yaml with one component, and an instance per environment")
  public String newApp(
      @Argument(index = 0, description = "app name (DNS-1035 label)") String name,
      @Option(longName = "component", defaultValue = "web", description = "first component's name") String component,
      @Option(longName = "type", defaultValue = "webapp", description = "webapp | worker | cron | stateful") String type,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo) {
    DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(repo).root());
    try (RepoLock lock = RepoLock.acquire(source.root(), "new app", Terminal.progress(false))) {
      ConfigRepo config = new SpecLoader().load(source);
      Map<String, String> files = new LinkedHashMap<>(
          new SpecScaffolder().newApp(config, name, component, componentType(type)));
      String gitIgnore = new GitIgnoreScaffolder().merged(readIfPresent(source.root().resolve(GitIgnoreScaffolder.PATH)));
      if (gitIgnore != null) {
        files.put(GitIgnoreScaffolder.PATH, gitIgnore);
      }
      return writeChecked(source, files);
    }
  }

  @Command(name = {"new", "component"}, group = "Specs", exitStatusExceptionMapper = "factoryExceptions",
      description = "Add a component to apps/APP/app.yaml, keeping the rest of the file as written")
  public String newComponent(
      @Argument(index = 0, description = "app name") String app,
      @Argument(index = 1, description = "component name (DNS-1035 label)") String name,
      @Option(longName = "type", defaultValue = "webapp", description = "webapp | worker | cron | stateful") String type,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo) {
    DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(repo).root());
    try (RepoLock lock = RepoLock.acquire(source.root(), "new component", Terminal.progress(false))) {
      ConfigRepo config = new SpecLoader().load(source);
      String appFile = "apps/" + app + "/app.yaml";
      String text = config.apps().containsKey(app)
          ? new String(source.read(appFile), StandardCharsets.UTF_8) : "";
      Map<String, String> files = new SpecScaffolder().newComponent(config, text, app, name, componentType(type));
      return writeChecked(source, files);
    }
  }

  private static String readIfPresent(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName(), e);
    }
  }

  private static ComponentType componentType(String type) {
    try {
      return ComponentType.of(type);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--type", "'" + type
          + "' is not a component type (expected one of: webapp, worker, cron, stateful)");
    }
  }

  /** Checks the whole repo with the new files in place, then writes them; nothing on failure. */
  private static String writeChecked(DirectorySpecSource source, Map<String, String> files) {
    new Pipeline(Terminal.progress(true)).resolve(new OverlaySpecSource(source, files));
    StringBuilder written = new StringBuilder();
    files.forEach((path, text) -> {
      Path target = source.root().resolve(path).normalize();
      if (!target.startsWith(source.root())) {
        throw new IllegalStateException("refusing to write outside the repo: " + path);
      }
      try {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".factory-", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
      written.append("wrote ").append(path).append('\n');
    });
    return written.toString().strip().toLowerCase(Locale.ROOT).isEmpty() ? "nothing to write"
        : written.toString().strip();
  }
}
