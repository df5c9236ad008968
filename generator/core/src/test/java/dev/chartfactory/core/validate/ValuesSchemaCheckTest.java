package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The values-schema check validation makes in place of helm's: same verdicts, on the same files. */
class ValuesSchemaCheckTest {

  @TempDir Path temp;

  @Test
  void generatedCharts_passInEveryEnvironment() {
    Path repo = TestRepos.projectRoot().resolve("examples/shop");
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(repo));
    assertThat(new ValuesSchemaCheck().check(platform, Generated.render(repo))).isEmpty();
  }

  @Test
  void anEnvironmentBlockTheSchemaRejects_isReported_asHelmWouldRejectIt() {
    Path repo = TestRepos.projectRoot().resolve("examples/small");
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(repo));
    List<RenderedChart> charts = new ArrayList<>(Generated.render(repo));
    RenderedChart umbrella = charts.remove(charts.size() - 1);
    TreeMap<String, String> files = new TreeMap<>(umbrella.files());
    files.put("values-dev.yaml", files.get("values-dev.yaml").replace("hello:\n  enabled: true\n",
        "hello:\n  enabled: true\n  components:\n    web:\n      replicaz: 3\n"));
    charts.add(new RenderedChart(umbrella.name(), umbrella.folder(), files));

    List<Problem> problems = new ValuesSchemaCheck().check(platform, charts);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString()).startsWith("apps/hello/app.yaml")
        .contains("charts/hello/values.schema.json rejects the values from umbrella-chart/values-dev.yaml",
            "replicaz");
    ChartWorkspace workspace = ChartWorkspace.of(temp, charts);
    Path values = workspace.umbrella().resolve("values-dev.yaml");
    assertThatThrownBy(() -> TestHelm.cli().template(workspace.umbrella(), "platform", "platform", List.of(values), Map.of()))
        .isInstanceOf(HelmException.class).hasMessageContaining("replicaz");
  }

  @Test
  void coalesce_likeHelm_mergesMapsReplacesListsAndRemovesNulls() {
    Map<String, Object> base = new TreeMap<>(Map.of("a", Map.of("x", 1, "y", 2), "list", List.of(1, 2), "gone", "v"));
    Map<String, Object> override = new TreeMap<>(Map.of("a", Map.of("y", 3), "list", List.of(9)));
    override.put("gone", null);
    assertThat(ValuesSchemaCheck.coalesce(base, override))
        .isEqualTo(Map.of("a", Map.of("x", 1, "y", 3), "list", List.of(9)));
  }
}
