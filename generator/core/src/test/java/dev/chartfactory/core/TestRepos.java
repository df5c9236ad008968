package dev.chartfactory.core;

import dev.chartfactory.core.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** Builds config repos on disk for tests: copies of fixtures, plus inline files. */
public final class TestRepos {

  private TestRepos() {}

  /** The repo root of this project, found from the test's working directory. */
  public static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("schemas/app.schema.json"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public static Path resource(String path) {
    return projectRoot().resolve("generator/core/src/test/resources").resolve(path);
  }

  public static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path root, Map<String, String> files) {
    files.forEach((path, text) -> {
      try {
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The base repo in {@code root} with {@code files} replaced or added, loaded and resolved. */
  public static dev.chartfactory.core.resolve.ResolvedPlatform resolved(Path root, Map<String, String> files) {
    baseRepo(root);
    write(root, files);
    return new Pipeline(PipelineListener.SILENT).resolve(new dev.chartfactory.core.load.DirectorySpecSource(root));
  }

  /** A valid base repo (one app 'shop', environments dev and prod) in {@code root}. */
  public static Path baseRepo(Path root) {
    copyTree(resource("invalid/_base"), root);
    return root;
  }
}
