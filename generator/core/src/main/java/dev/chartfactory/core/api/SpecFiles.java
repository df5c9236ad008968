package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.load.OverlaySpecSource;
import dev.chartfactory.core.load.SpecLoader;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.pipeline.Validators;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.scaffold.GitIgnoreScaffolder;
import dev.chartfactory.core.scaffold.SpecScaffolder;
import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.PolicyChecker;
import dev.chartfactory.core.write.RepoLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working with the spec files themselves: validate them (and the charts they render), and
 * scaffold a new app or component. A scaffold is checked with the whole repo before anything is
 * written; on a problem nothing is.
 *
 * <pre>{@code
 * ValidateResult valid = new SpecFiles(PipelineListener.SILENT).validate(new ValidateRequest(".", true, false));
 * }</pre>
 */
public final class SpecFiles {

  private final PipelineListener listener;

  public SpecFiles(PipelineListener listener) {
    this.listener = listener;
  }

  /**
   * Checks every spec, and unless {@code specsOnly} renders every chart × environment with helm
   * and checks the manifests; every problem is reported at once, in the exception.
   */
  public ValidateResult validate(ValidateRequest request) {
    Path root = RepoLayout.of(request.repo()).root();
    Pipeline pipeline = new Pipeline(listener);
    ResolvedPlatform platform = pipeline.resolve(new DirectorySpecSource(root));
    ChartValidator.Report report = new ChartValidator.Report(0, 0, List.of());
    if (!request.specsOnly()) {
      report = Validators.forRepo(root, listener, request.noCache())
          .validate(platform, pipeline.render(platform, Set.of()));
    }
    int components = platform.baseApps().values().stream().mapToInt(a -> a.components().size()).sum();
    int instances = platform.environments().values().stream().mapToInt(Map::size).sum();
    return new ValidateResult(platform.baseApps().size(), components, platform.environments().size(), instances,
        !request.specsOnly(), report.manifests(), report.environments(), report.warnings().size());
  }

  /** What each rule id of a validation problem ({@code [no-latest-tag] ...}) checks. */
  public static Map<String, String> ruleDescriptions() {
    return PolicyChecker.RULES;
  }

  /** Scaffolds a new app; returns the files written, relative to the repo. */
  public List<String> newApp(NewAppRequest request) {
    DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(request.repo()).root());
    try (RepoLock lock = RepoLock.acquire(source.root(), "new app", listener)) {
      ConfigRepo config = new SpecLoader().load(source);
      Map<String, String> files = new LinkedHashMap<>(
          new SpecScaffolder().newApp(config, request.app(), request.component(), request.type()));
      String gitIgnore = new GitIgnoreScaffolder().merged(readIfPresent(source.root().resolve(GitIgnoreScaffolder.PATH)));
      if (gitIgnore != null) {
        files.put(GitIgnoreScaffolder.PATH, gitIgnore);
      }
      return writeChecked(source, files);
    }
  }

  private static String readIfPresent(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new FileAccessException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** Adds a component to an app's spec; returns the files written, relative to the repo. */
  public List<String> newComponent(NewComponentRequest request) {
    DirectorySpecSource source = new DirectorySpecSource(RepoLayout.of(request.repo()).root());
    try (RepoLock lock = RepoLock.acquire(source.root(), "new component", listener)) {
      ConfigRepo config = new SpecLoader().load(source);
      String appFile = "apps/" + request.app() + "/app.yaml";
      String text = config.apps().containsKey(request.app())
          ? new String(source.read(appFile), StandardCharsets.UTF_8) : "";
      return writeChecked(source, new SpecScaffolder().newComponent(config, text, request.app(),
          request.component(), request.type()));
    }
  }

  /** Checks the whole repo with the new files in place, then writes them; nothing on failure. */
  private static List<String> writeChecked(DirectorySpecSource source, Map<String, String> files) {
    new Pipeline(PipelineListener.SILENT).resolve(new OverlaySpecSource(source, files));
    List<String> written = new ArrayList<>();
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
        throw FileAccessException.of("cannot write " + path, e);
      }
      written.add(path);
    });
    return List.copyOf(written);
  }
}
