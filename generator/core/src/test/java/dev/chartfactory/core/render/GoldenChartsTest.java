package dev.chartfactory.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charts generated from each bundled example, compared byte for byte with reviewed golden
 * files under {@code golden/<example>/expected/}. After a deliberate change, run with
 * {@code -Dgolden.update=true} and read the diff before committing it.
 */
class GoldenChartsTest {

  @ParameterizedTest
  @ValueSource(strings = {"small", "shop"})
  void generatedCharts_matchGoldenFiles(String example) throws IOException {
    assertMatchesGolden(TestRepos.projectRoot().resolve("examples/" + example), example);
  }

  /**
   * Repos under {@code golden/<case>/spec} that use the spec fields the examples leave at their
   * defaults, so each field's generated output is reviewed once and then held still.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fidelity", "issuers", "params"})
  void specFeatureRepos_matchGoldenFiles(String name) throws IOException {
    assertMatchesGolden(TestRepos.resource("golden/" + name + "/spec"), name);
  }

  private static void assertMatchesGolden(Path repo, String example) throws IOException {
    Map<String, String> actual = new TreeMap<>();
    for (RenderedChart chart : Generated.render(repo)) {
      chart.files().forEach((file, text) -> actual.put(chart.folder() + "/" + file, text));
    }
    Path expectedRoot = TestRepos.resource("golden/" + example + "/expected");
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(expectedRoot)) {
        dev.chartfactory.core.write.TestFiles.deleteTree(expectedRoot);
      }
      for (Map.Entry<String, String> file : actual.entrySet()) {
        Path path = expectedRoot.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(expectedRoot)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        expected.put(expectedRoot.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    List<String> different = new ArrayList<>();
    actual.forEach((file, text) -> {
      if (!text.equals(expected.get(file))) {
        different.add(file);
      }
    });
    assertThat(different).as("files that differ from golden/%s/expected", example).isEmpty();
  }
}
