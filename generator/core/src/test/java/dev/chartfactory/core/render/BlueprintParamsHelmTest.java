package dev.chartfactory.core.render;

import static dev.chartfactory.core.render.HelmRoundTripTest.name;
import static dev.chartfactory.core.render.HelmRoundTripTest.objects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden {@code params} repo through the real helm binary: a user blueprint declares its
 * params in {@code templates/worker/params.schema.json}, reads them as {@code component.params}
 * (shape) and {@code $c.params} (values), and gets the schema's defaults where a spec sets none.
 */
class BlueprintParamsHelmTest {

  @TempDir Path temp;

  @Test
  void params_chooseTheChartsShape_andReachHelmValues_withDeclaredDefaults() {
    List<RenderedChart> charts = Generated.render(TestRepos.resource("golden/params/spec"));
    ChartWorkspace workspace = ChartWorkspace.of(temp, charts);
    Path values = workspace.umbrella().resolve("values-dev.yaml");
    List<Map<String, Object>> objects = objects(TestHelm.cli().template(workspace.umbrella(), "platform", "platform",
        List.of(values), Map.of()));

    assertThat(objects.stream().filter(o -> "Service".equals(o.get("kind"))).map(HelmRoundTripTest::name))
        .containsExactly("jobs-mailer-metrics");
    Map<String, Object> service = objects.stream().filter(o -> name(o).equals("jobs-mailer-metrics")).findFirst().orElseThrow();
    assertThat(service.toString()).contains("ports=[{name=metrics, port=9102}]");
    // --set reaches the param like any other value.
    String overridden = TestHelm.cli().template(workspace.umbrella(), "platform", "platform", List.of(values),
        Map.of("jobs.components.mailer.params.metricsPort", "9200"));
    assertThat(overridden).contains("port: 9200");
  }
}
