package dev.chartfactory.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.write.ChartWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderMemoTest {

  @TempDir Path temp;

  private List<RenderedChart> render(Path repo) {
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);
    ResolvedPlatform platform = pipeline.resolve(new DirectorySpecSource(repo));
    return pipeline.render(platform, Set.of()).stream().filter(chart -> !chart.isUmbrella()).toList();
  }

  private RenderMemo memo(Path repo, List<RenderedChart> charts) {
    DirectorySpecSource source = new DirectorySpecSource(repo);
    return RenderMemo.of(temp.resolve("memo"), source, charts.stream().map(RenderedChart::name).toList(),
        new Pipeline(PipelineListener.SILENT).resolve(source).callers());
  }

  @Test
  void aChartOnDiskRenderedFromTheSameInputs_isReusedByteForByte_evenStampedWithACommit_andNothingElseIs()
      throws IOException {
    Path repo = temp.resolve("repo");
    TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/shop"), repo);
    List<RenderedChart> charts = render(repo);
    ChartWriter writer = new ChartWriter(repo);
    writer.write(writer.withProvenance(charts, Provenance.ofCommit("a".repeat(40))), true);
    memo(repo, charts).remember(charts);

    RenderMemo again = memo(repo, charts);
    List<RenderedChart> plain = new java.util.ArrayList<>();
    for (RenderedChart chart : charts) {
      if (Files.readString(repo.resolve("apps").resolve(chart.name()).resolve("app.yaml")).contains("${ref:")) {
        // Its chart holds another app's Service address: another spec than its own decides it.
        assertThat(again.reuse(chart.name(), chart.folder(), writer)).as(chart.name() + " refers").isEmpty();
      } else {
        assertThat(again.reuse(chart.name(), chart.folder(), writer)).as(chart.name()).contains(chart);
        plain.add(chart);
      }
    }
    assertThat(plain).hasSizeGreaterThan(2).hasSizeLessThan(charts.size());
    charts = plain;

    RenderedChart first = charts.get(0);
    RenderedChart second = charts.get(1);
    Path edited = repo.resolve(first.folder()).resolve("values.yaml");
    Files.writeString(edited, Files.readString(edited) + "# by hand\n");
    assertThat(again.reuse(first.name(), first.folder(), writer)).as("a hand-edited chart").isEmpty();

    Path spec = repo.resolve("apps").resolve(second.name()).resolve("app.yaml");
    Files.writeString(spec, Files.readString(spec) + "\n# a comment changes the bytes\n");
    RenderMemo afterEdit = memo(repo, charts);
    assertThat(afterEdit.reuse(second.name(), second.folder(), writer)).as("its spec changed").isEmpty();
    assertThat(afterEdit.reuse(charts.get(2).name(), charts.get(2).folder(), writer)).as("another app")
        .contains(charts.get(2));

    Files.writeString(repo.resolve("factory.yaml"), Files.readString(repo.resolve("factory.yaml")) + "\n# shared\n");
    assertThat(memo(repo, charts).reuse(charts.get(2).name(), charts.get(2).folder(), writer))
        .as("a shared input changed").isEmpty();
  }

  @Test
  void aTruncatedEntry_isNotTrusted() throws IOException {
    Path repo = temp.resolve("repo");
    TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/shop"), repo);
    List<RenderedChart> charts = render(repo);
    ChartWriter writer = new ChartWriter(repo);
    writer.write(charts, true);
    memo(repo, charts).remember(charts);
    try (Stream<Path> entries = Files.list(temp.resolve("memo"))) {
      for (Path entry : entries.toList()) {
        Files.writeString(entry, Files.readString(entry).substring(0, 30));
      }
    }
    for (RenderedChart chart : charts) {
      assertThat(memo(repo, charts).reuse(chart.name(), chart.folder(), writer)).isEmpty();
    }
  }
}
