package dev.chartfactory.core.helm;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a helm binary the way {@code scripts/install-helm.sh} does, in this order: the {@code
 * HELM} environment variable, {@code helm} on {@code PATH}, then {@code .tools/helm/<version>/helm}
 * under the repo root (the pinned version first). Never downloads anything: the build runs the
 * script first when it wants Helm installed.
 */
public final class HelmLocator {

  /** The Helm version {@code scripts/install-helm.sh} installs into {@code .tools/}. */
  public static final String PINNED_VERSION = "v3.17.3";

  static final String HOW_TO_GET_HELM =
      "run scripts/install-helm.sh (it prints the path of a pinned helm, installing it into "
          + ".tools/ if needed) and set HELM to that path, or put helm on PATH";

  private final Map<String, String> environment;
  private final Path repoRoot;

  /** Looks in the process environment and under {@code repoRoot}. */
  public HelmLocator(Path repoRoot) {
    this(System.getenv(), repoRoot);
  }

  /** Looks in the given environment (only {@code HELM} and {@code PATH} are read). */
  public HelmLocator(Map<String, String> environment, Path repoRoot) {
    this.environment = Map.copyOf(environment);
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
  }

  /** The first usable helm binary, or empty when there is none. */
  public Optional<Path> locate() {
    return fromHelmVariable().or(this::fromPath).or(this::fromTools);
  }

  /**
   * The first usable helm binary.
   *
   * @throws HelmException saying where it looked and how to get one
   */
  public Path require() {
    return locate().orElseThrow(() -> {
      String helm = environment.get("HELM");
      String ignored = helm == null || helm.isBlank()
          ? ""
          : " (HELM is set to '" + helm + "', which is not an executable file)";
      return new HelmException("no helm binary found in HELM" + ignored + ", on PATH or under "
          + repoRoot.resolve(".tools/helm") + "; perhaps you should " + HOW_TO_GET_HELM);
    });
  }

  private Optional<Path> fromHelmVariable() {
    String helm = environment.get("HELM");
    if (helm == null || helm.isBlank()) {
      return Optional.empty();
    }
    return executable(helm);
  }

  private Optional<Path> fromPath() {
    String path = environment.getOrDefault("PATH", "");
    boolean windows = File.separatorChar == '\\';
    for (String dir : path.split(File.pathSeparator)) {
      // An empty PATH entry means the working directory; not a place to pick a binary from.
      if (dir.isBlank()) {
        continue;
      }
      Optional<Path> found = executable(dir + File.separator + (windows ? "helm.exe" : "helm"));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Path> fromTools() {
    Path tools = repoRoot.resolve(".tools").resolve("helm");
    Path pinned = tools.resolve(PINNED_VERSION).resolve("helm");
    if (isExecutableFile(pinned)) {
      return Optional.of(pinned);
    }
    if (!Files.isDirectory(tools)) {
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> versions = Files.newDirectoryStream(tools)) {
      for (Path version : versions) {
        Path helm = version.resolve("helm");
        if (isExecutableFile(helm)) {
          candidates.add(helm);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    // Deterministic choice when several other versions are installed: the highest name.
    return candidates.stream().max(Comparator.comparing(Path::toString));
  }

  private static Optional<Path> executable(String candidate) {
    try {
      Path path = Path.of(candidate).toAbsolutePath();
      return isExecutableFile(path) ? Optional.of(path) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
