package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmTemplate;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the validator's per-app parts rest on: an app's chart rendered through the umbrella cut
 * down to that app (its values block and {@code global} as the umbrella gives them) yields
 * byte for byte the documents the whole umbrella renders for that app, in every environment of
 * both examples; and the umbrella without any app yields its own objects as in the whole render.
 */
class UmbrellaPartsTest {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"shop", "small"})
  void eachAppRenderedAlone_equalsItsPartOfTheWholeUmbrellaRender(String example) {
    Pipeline pipeline = new Pipeline(PipelineListener.SILENT);
    ResolvedPlatform platform = pipeline.resolve(new DirectorySpecSource(
        TestRepos.projectRoot().resolve("examples").resolve(example)));
    List<RenderedChart> charts = pipeline.render(platform, Set.of());
    RenderedChart umbrella = RenderedChart.umbrellaIn(charts).orElseThrow();
    HelmCli helm = TestHelm.cli();
    ChartWorkspace whole = ChartWorkspace.of(temp.resolve("whole"), charts);
    int compared = 0;
    for (String environment : platform.repo().environmentNames()) {
      Map<String, List<String>> wholeParts = parts(render(helm, platform, whole, environment));
      assertThat(wholeParts.keySet()).as("apps render objects in %s", environment).hasSizeGreaterThan(1);

      ChartWorkspace ownOnly = ChartWorkspace.subset(temp.resolve(environment + "-own"), List.of(umbrella));
      Map<String, List<String>> own = parts(render(helm, platform, ownOnly, environment));
      assertThat(own.keySet()).as("no app objects without the apps").containsOnly("");
      assertThat(own.get("")).as("the umbrella's own objects in %s", environment).isEqualTo(wholeParts.get(""));

      for (RenderedChart chart : charts) {
        if (chart.isUmbrella()) {
          continue;
        }
        ChartWorkspace alone = ChartWorkspace.appsOnly(temp.resolve(environment + "-" + chart.name()),
            List.of(chart, umbrella));
        Map<String, List<String>> rendered = parts(render(helm, platform, alone, environment));
        // An app not deployed to an environment renders nothing there, alone or not.
        assertThat(rendered.keySet()).isSubsetOf(chart.name());
        assertThat(rendered.get(chart.name())).as("%s alone in %s", chart.name(), environment)
            .isEqualTo(wholeParts.get(chart.name()));
        compared += rendered.isEmpty() ? 0 : 1;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(platform.baseApps().size());
  }

  private static String render(HelmCli helm, ResolvedPlatform platform, ChartWorkspace workspace, String environment) {
    return HelmTemplate.of(workspace.umbrella(), platform.factory().umbrella().name(),
            platform.factory().umbrella().namespace())
        .values(List.of(workspace.umbrella().resolve("values-" + environment + ".yaml")))
        .skipSchemaValidation().run(helm);
  }

  /** Helm's output split into its documents' text, by the app whose subchart made them ("" for the umbrella). */
  private static Map<String, List<String>> parts(String output) {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    for (String document : output.split("(?m)^---[ \\t]*$")) {
      if (document.isBlank()) {
        continue;
      }
      java.util.regex.Matcher source = java.util.regex.Pattern.compile("(?m)^# Source: (.+?)\\s*$").matcher(document);
      String part = ChartValidator.partOf(source.find() ? source.group(1) : null);
      parts.computeIfAbsent(part, ignored -> new ArrayList<>()).add(document);
    }
    return parts;
  }
}
