package dev.chartfactory.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.render.RenderedChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartWriterTest {

  @TempDir Path temp;

  private Path shop() {
    Path repo = temp.resolve("shop");
    TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/shop"), repo);
    return repo;
  }

  private static Map<String, byte[]> snapshot(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  @Test
  void generateTwice_isByteIdenticalAndTheSecondRunWritesNothing() throws IOException {
    Path repo = shop();
    Generated.generate(repo);
    Map<String, byte[]> first = snapshot(repo.resolve("charts"));
    FileTime stamp = FileTime.fromMillis(1_000_000_000L);
    Path deployment = repo.resolve("charts/storefront/templates/web-deployment.yaml");
    Files.setLastModifiedTime(deployment, stamp);

    List<ChartChange> second = new ChartWriter(repo).write(Generated.render(repo), true);

    assertThat(second).isEmpty();
    Map<String, byte[]> again = snapshot(repo.resolve("charts"));
    assertThat(again.keySet()).isEqualTo(first.keySet());
    first.forEach((file, bytes) -> assertThat(again.get(file)).as(file).isEqualTo(bytes));
    assertThat(Files.getLastModifiedTime(deployment)).isEqualTo(stamp);
  }

  @Test
  void whenOneAppChanges_onlyItsChartAndTheUmbrellaAreRewritten() throws IOException {
    Path repo = shop();
    Generated.generate(repo);
    Files.writeString(repo.resolve("apps/cart/instances/prod.yaml"), "version: 3.0.5\n");
    List<ChartChange> changes = new ChartWriter(repo).write(Generated.render(repo), true);
    assertThat(changes).extracting(ChartChange::folder).containsExactly("umbrella-chart");
    assertThat(changes.get(0).changed()).containsExactly("values-prod.yaml");

    Files.writeString(repo.resolve("apps/cart/app.yaml"),
        Files.readString(repo.resolve("apps/cart/app.yaml")).replace("version: 3.0.4", "version: 3.1.0"));
    changes = new ChartWriter(repo).write(Generated.render(repo), true);
    assertThat(changes).extracting(ChartChange::folder).containsExactly("charts/cart", "umbrella-chart");
  }

  @Test
  void whenAnAppIsDeleted_itsGeneratedChartGoes_butHandWrittenChartsAndHelmOutputStay() throws IOException {
    Path repo = shop();
    Generated.generate(repo);
    TestRepos.write(repo, Map.of("charts/handmade/Chart.yaml", "apiVersion: v2\nname: handmade\nversion: 1.0.0\n",
        "umbrella-chart/charts/cart-0.1.0.tgz", "built by helm dependency build",
        "umbrella-chart/Chart.lock", "lock"));
    TestFiles.deleteTree(repo.resolve("apps/reports"));

    List<RenderedChart> charts = Generated.render(repo);
    List<ChartChange> changes = new ChartWriter(repo).write(charts, true);

    assertThat(changes).extracting(ChartChange::folder).contains("charts/reports", "umbrella-chart");
    assertThat(repo.resolve("charts/reports")).doesNotExist();
    assertThat(repo.resolve("charts/handmade/Chart.yaml")).exists();
    assertThat(repo.resolve("umbrella-chart/charts/cart-0.1.0.tgz")).hasContent("built by helm dependency build");
    assertThat(repo.resolve("umbrella-chart/Chart.lock")).exists();
  }
}
