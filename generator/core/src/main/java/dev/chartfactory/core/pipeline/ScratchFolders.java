package dev.chartfactory.core.pipeline;

import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary folders a command needs until the process ends (helm's private homes, dry-run
 * output), removed when the JVM exits, so runs do not pile folders up in the temp dir.
 */
public final class ScratchFolders {

  private static final List<Path> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (CREATED) {
        CREATED.forEach(ChartWorkspace::deleteQuietly);
      }
    }, "factory-scratch-cleanup"));
  }

  private ScratchFolders() {}

  /** A new empty folder in the temp dir, named {@code <prefix><random>}. */
  public static Path create(String prefix) {
    try {
      Path folder = Files.createTempDirectory(prefix);
      synchronized (CREATED) {
        CREATED.add(folder);
      }
      return folder;
    } catch (IOException e) {
      throw FileAccessException.of("cannot create a temporary folder", e);
    }
  }
}
