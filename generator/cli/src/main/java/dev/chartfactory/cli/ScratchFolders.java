package dev.chartfactory.cli;

import dev.chartfactory.core.validate.ChartWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary folders a command needs until the process ends (helm's private homes, dry-run
 * output), removed when the JVM exits, so runs do not pile folders up in the temp dir.
 */
final class ScratchFolders {

  private static final List<Path> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (CREATED) {
        CREATED.forEach(ChartWorkspace::deleteQuietly);
      }
    }, "factory-scratch-cleanup"));
  }

  private ScratchFolders() {}

  static Path create(String prefix) {
    try {
      Path folder = Files.createTempDirectory(prefix);
      synchronized (CREATED) {
        CREATED.add(folder);
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
    }
  }
}
