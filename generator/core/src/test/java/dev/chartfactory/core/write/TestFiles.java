package dev.chartfactory.core.write;

import java.nio.file.Path;

/** Test access to the writer's tree deletion. */
public final class TestFiles {

  private TestFiles() {}

  public static void deleteTree(Path dir) {
    ChartWriter.deleteTree(dir);
  }
}
