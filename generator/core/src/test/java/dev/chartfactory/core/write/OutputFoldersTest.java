package dev.chartfactory.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writer does to the folders around the charts: it never writes through a symbolic link
 * out of the config repo, gives new folders the permissions the user's umask gives, and never
 * deletes a file a person put into a generated chart's folder.
 */
class OutputFoldersTest {

  @TempDir Path temp;

  private Path small() {
    Path repo = temp.resolve("small");
    TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/small"), repo);
    return repo;
  }

  /** The report of the SpecException that generating {@code repo} fails with. */
  private static String failure(Path repo) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Generated.generate(repo));
    assertThat(thrown).isInstanceOf(SpecException.class);
    return ((SpecException) thrown).report();
  }

  @Test
  void write_whenChartsIsASymbolicLink_refusesAndWritesNothingThroughIt() throws IOException {
    Path repo = small();
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep.txt"), "not ours\n");
    Files.createSymbolicLink(repo.resolve("charts"), elsewhere);

    assertThat(failure(repo)).contains("charts is a symbolic link to " + elsewhere, "replace it with a folder");
    try (var files = Files.list(elsewhere)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
    }
    assertThat(repo.resolve("umbrella-chart")).doesNotExist();
  }

  @Test
  void write_whenUmbrellaChartIsASymbolicLink_refuses() throws IOException {
    Path repo = small();
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.createSymbolicLink(repo.resolve("umbrella-chart"), elsewhere);

    assertThat(failure(repo)).contains("umbrella-chart is a symbolic link");
    assertThat(elsewhere).isEmptyDirectory();
    assertThat(repo.resolve("charts")).doesNotExist();
  }

  @Test
  void write_givesNewFoldersThePermissionsOfTheUsersUmask() throws IOException {
    Path repo = small();
    String expected = PosixFilePermissions.toString(
        Files.getPosixFilePermissions(Files.createDirectory(temp.resolve("made-like-mkdir"))));

    Generated.generate(repo);

    for (String folder : new String[] {"umbrella-chart", "umbrella-chart/templates", "charts", "charts/hello",
        "charts/hello/templates"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.resolve(folder))))
          .as(folder).isEqualTo(expected);
    }
  }

  @Test
  void aFilePutIntoAGeneratedChartByHand_isKeptAcrossRegeneration_andIsNotAChange() throws IOException {
    Path repo = small();
    Generated.generate(repo);
    Files.writeString(repo.resolve("umbrella-chart/values-local.yaml"), "hello: {replicaCount: 1}\n");
    Files.writeString(repo.resolve("charts/hello/README.md"), "# notes\n");

    Files.writeString(repo.resolve("apps/hello/instances/dev.yaml"), "version: 2.0.0\n");
    Generated.generate(repo);

    assertThat(repo.resolve("umbrella-chart/values-local.yaml")).hasContent("hello: {replicaCount: 1}");
    assertThat(repo.resolve("charts/hello/README.md")).hasContent("# notes");
    assertThat(new ChartWriter(repo).plan(Generated.render(repo), true)).isEmpty();
  }

  @Test
  void aHandPlacedFileThatTheGeneratorWouldNowWrite_stopsTheRunWithAMessage() throws IOException {
    Path repo = small();
    Generated.generate(repo);
    Files.writeString(repo.resolve("umbrella-chart/values-local.yaml"), "hello: {replicaCount: 1}\n");
    Files.writeString(repo.resolve("environments/local.yaml"),
        Files.readString(repo.resolve("environments/dev.yaml")).replace("name: dev", "name: local"));

    assertThat(failure(repo)).contains("umbrella-chart/values-local.yaml", "is not generated");
    assertThat(repo.resolve("umbrella-chart/values-local.yaml")).hasContent("hello: {replicaCount: 1}");
  }

  @Test
  void aTemplatePutIntoAGeneratedChartByHand_stopsTheRunBeforeAnythingIsWritten() throws IOException {
    Path repo = small();
    Generated.generate(repo);
    String extra = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n";
    Files.writeString(repo.resolve("charts/hello/templates/extra-configmap.yaml"), extra);
    String chartBefore = Files.readString(repo.resolve("charts/hello/Chart.yaml"));
    Files.writeString(repo.resolve("apps/hello/instances/dev.yaml"), "version: 2.0.0\n");

    assertThat(failure(repo)).contains("charts/hello/templates/extra-configmap.yaml", "is not a file the generator writes",
        "Move it out of the chart");
    assertThat(repo.resolve("charts/hello/templates/extra-configmap.yaml")).hasContent(extra.strip());
    assertThat(repo.resolve("charts/hello/Chart.yaml")).hasContent(chartBefore.strip());
  }

  @Test
  void theTemplatesOfARemovedComponent_areRemovedAsBefore() throws IOException {
    Path repo = small();
    Generated.generate(repo);
    Files.writeString(repo.resolve("charts/hello/templates/gone-deployment.yaml"), "# of a component since removed\n");

    Generated.generate(repo);

    assertThat(repo.resolve("charts/hello/templates/gone-deployment.yaml")).doesNotExist();
    assertThat(ChartWriter.hasGeneratedName("web-deployment.yaml", java.util.Set.of("deployment.yaml"))).isTrue();
    assertThat(ChartWriter.hasGeneratedName("extra/web-deployment.yaml", java.util.Set.of("deployment.yaml"))).isFalse();
  }
}
