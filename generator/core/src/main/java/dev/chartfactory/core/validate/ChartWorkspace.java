package dev.chartfactory.core.validate;

import dev.chartfactory.core.render.RenderedChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Rendered charts laid out in a scratch folder for Helm: each app chart in {@code charts/<app>}
 * and the umbrella in {@code umbrella-chart} with its subcharts unpacked into its own
 * {@code charts/} folder (which Helm reads like packaged dependencies), so validation needs no
 * {@code helm dependency build} and nothing in the user's repo is touched.
 */
public final class ChartWorkspace {

  private final Path root;

  private ChartWorkspace(Path root) {
    this.root = root;
  }

  public static ChartWorkspace of(Path scratch, List<RenderedChart> charts) {
    try {
      for (RenderedChart chart : charts) {
        write(scratch.resolve(chart.folder()), chart.files());
      }
      Path umbrella = scratch.resolve("umbrella-chart");
      if (Files.isDirectory(umbrella)) {
        for (RenderedChart chart : charts) {
          if (chart.folder().startsWith("charts/")) {
            write(umbrella.resolve("charts").resolve(chart.name()), chart.files());
          }
        }
      }
      return new ChartWorkspace(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out charts in " + scratch, e);
    }
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  public Path chart(String folder) {
    return root.resolve(folder);
  }

  public Path umbrella() {
    return root.resolve("umbrella-chart");
  }
}
