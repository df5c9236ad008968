package dev.chartfactory.core.render;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.umbrella.GeneratorId;
import dev.chartfactory.core.write.ChartWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvenanceTest {

  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final String LATER = "89abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path temp;

  @Test
  void stamp_recordsTheCommitInEveryChartYamlAndTheUmbrellaValues_andNoneChangesNothing() {
    List<RenderedChart> plain = Generated.render(TestRepos.projectRoot().resolve("examples/small"));
    for (RenderedChart chart : plain) {
      assertThat(Provenance.NONE.stamp(chart)).isEqualTo(chart);
      RenderedChart stamped = Provenance.ofCommit(COMMIT).stamp(chart);
      assertThat(stamped).isEqualTo(Provenance.ofCommit(COMMIT).stamp(chart));
      assertThat(stamped.files().get("Chart.yaml"))
          .endsWith("  chartfactory.dev/source-commit: '" + COMMIT + "'\n");
      assertThat(Provenance.recordedIn(stamped.files().get("Chart.yaml"))).isEqualTo(Provenance.ofCommit(COMMIT));
    }
    RenderedChart umbrella = Provenance.ofCommit(COMMIT).stamp(plain.get(plain.size() - 1));
    assertThat(umbrella.files().get("values.yaml")).contains("\n  sourceCommit: '" + COMMIT + "'\n");
    assertThat(umbrella.files().get("Chart.yaml")).endsWith("annotations:\n  chartfactory.dev/generator: "
        + GeneratorId.current() + "\n  chartfactory.dev/source-commit: '" + COMMIT + "'\n");
    assertThat(GeneratorId.recordedIn(umbrella.files().get("Chart.yaml"))).isEqualTo(GeneratorId.current());
  }

  @Test
  void withProvenance_keepsTheRecordedCommitWhenNothingElseChanged() {
    Path repo = temp.resolve("small");
    TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/small"), repo);
    ChartWriter writer = new ChartWriter(repo);
    List<RenderedChart> plain = Generated.render(repo);
    writer.write(writer.withProvenance(plain, Provenance.ofCommit(COMMIT)), true);

    List<RenderedChart> later = writer.withProvenance(Generated.render(repo), Provenance.ofCommit(LATER));
    List<RenderedChart> none = writer.withProvenance(Generated.render(repo), Provenance.NONE);

    assertThat(writer.plan(later, true)).isEmpty();
    assertThat(writer.plan(none, true)).isEmpty();
    assertThat(later.get(0).files().get("Chart.yaml")).contains(COMMIT).doesNotContain(LATER);
  }

  @Test
  void provenance_acceptsOnlyFullCommitIds() {
    assertThatThrownBy(() -> Provenance.ofCommit("abc1234")).isInstanceOf(IllegalArgumentException.class);
  }
}
