package dev.chartfactory.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.resolve.ResolvedComponent;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schedules Kubernetes' CronJob accepts stay accepted; the ones it refuses are refused at the
 * spec line (see {@code invalid/cron-schedules}).
 */
class CronScheduleTest {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"0 3 * * *", "*/15 9-17 * JAN-MAR MON-FRI", "0 0 1,15 * ?", "59 23 31 12 6",
      "0 0 * * sun", "@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@annually", "@midnight"})
  void resolve_acceptsWhatKubernetesAccepts(String schedule) {
    ResolvedPlatform platform = TestRepos.resolved(temp, Map.of("apps/shop/app.yaml", """
        name: shop
        version: 1.0.0
        components:
          nightly:
            type: cron
            image: shop-tools
            schedule: "%s"
            timeZone: Europe/Berlin
            command: [./prune]
        """.formatted(schedule)));

    ResolvedComponent nightly = platform.environments().get("dev").get("shop").components().get("nightly");
    assertThat(nightly.schedule()).isEqualTo(schedule);
    assertThat(nightly.timeZone()).isEqualTo("Europe/Berlin");
  }

  @Test
  void render_whenACronComponentHasATimeZone_theCronJobRunsInIt() {
    Path repo = TestRepos.baseRepo(temp.resolve("repo"));
    TestRepos.write(repo, Map.of("apps/shop/app.yaml", """
        name: shop
        version: 1.0.0
        components:
          nightly: {type: cron, image: shop-tools, schedule: "@daily", timeZone: Europe/Berlin, command: [./prune]}
          hourly: {type: cron, image: shop-tools, schedule: "5 * * * *", command: [./sweep]}
        """));
    List<RenderedChart> charts = Generated.render(repo);
    ChartWorkspace workspace = ChartWorkspace.of(temp.resolve("out"), charts);

    String manifests = TestHelm.cli().template(workspace.chart("charts/shop"), "rel", "default", List.of(), Map.of());

    assertThat(manifests).contains("schedule: \"@daily\"\n  timeZone: \"Europe/Berlin\"\n")
        .contains("schedule: \"5 * * * *\"\n  concurrencyPolicy:");
    assertThat(charts.get(0).files().get("values.yaml")).contains("timeZone: Europe/Berlin");
  }
}
