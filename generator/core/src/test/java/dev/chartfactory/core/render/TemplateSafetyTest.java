package dev.chartfactory.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.RenderException;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec values are data, never template source; broken user blueprints are reported, not run. */
class TemplateSafetyTest {

  @TempDir Path temp;

  @Test
  void render_whenSpecValuesLookLikeTemplates_keepsThemAsText() {
    Path repo = TestRepos.baseRepo(temp.resolve("repo"));
    TestRepos.write(repo, Map.of("apps/shop/app.yaml", """
        name: shop
        description: "[[ app.name.getClass() ]] {{ .Values.secret }}"
        version: 1.0.0
        components:
          web:
            type: webapp
            image: shop-web
            port: 8080
            env:
              HELM: "{{ .Release.Name }}{{ .Values.secret }}"
              JINJA: "[[ ''.getClass().forName('java.lang.Runtime') ]]"
              LOOP: "[% for i in range(99999999) %]x[% endfor %]"
              BRACES: "{% raw %}{{7*7}}"
        """));
    List<RenderedChart> charts = Generated.render(repo);
    ChartWorkspace workspace = ChartWorkspace.of(temp.resolve("out"), charts);
    String manifests = TestHelm.cli().template(workspace.chart("charts/shop"), "rel", "default", List.of(), Map.of());
    assertThat(manifests)
        .contains("value: \"{{ .Release.Name }}{{ .Values.secret }}\"")
        .contains("value: \"[[ ''.getClass().forName('java.lang.Runtime') ]]\"")
        .contains("value: \"[% for i in range(99999999) %]x[% endfor %]\"")
        .contains("value: \"{% raw %}{{7*7}}\"")
        .doesNotContain("value: \"rel")
        .doesNotContain("java.lang.Runtime@")
        .doesNotContain("value: \"49\"");
    String chartYaml = charts.get(0).files().get("Chart.yaml");
    assertThat(chartYaml).contains("description: '[[ app.name.getClass() ]] {{ .Values.secret }}'");
  }

  @Test
  void render_whenUserBlueprintIsBroken_reportsItsFileAndLine() {
    Path repo = TestRepos.baseRepo(temp.resolve("broken"));
    TestRepos.write(repo, Map.of("templates/webapp/deployment.yaml.j2", """
        # a user's override
        apiVersion: apps/v1
        kind: Deployment
        [% if component.name == "web" %]
        metadata: {name: [[ component.name ]]}
        """));
    assertThatThrownBy(() -> Generated.render(repo))
        .isInstanceOf(RenderException.class)
        .satisfies(e -> {
          Problem problem = ((RenderException) e).problems().get(0);
          assertThat(problem.location().file()).isEqualTo("templates/webapp/deployment.yaml.j2");
          assertThat(problem.location().line()).isPositive();
          assertThat(problem.toString()).containsIgnoringCase("endif");
        });
  }

  @Test
  void render_whenUserBlueprintUsesUnknownVariable_failsInsteadOfPrintingNothing() {
    Path repo = TestRepos.baseRepo(temp.resolve("unknown"));
    TestRepos.write(repo, Map.of("templates/webapp/extra.yaml.j2", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.nmae ]]
        """));
    assertThatThrownBy(() -> Generated.render(repo))
        .isInstanceOf(RenderException.class)
        .satisfies(e -> assertThat(((RenderException) e).problems().get(0).toString())
            .startsWith("templates/webapp/extra.yaml.j2:4:").contains("nmae"));
  }

  @Test
  void render_whenUserBlueprintCallsJavaMethods_getsNoClassAccess() {
    Path repo = TestRepos.baseRepo(temp.resolve("sandbox"));
    TestRepos.write(repo, Map.of("templates/webapp/extra.yaml.j2", """
        # [[ component.name.getClass() ]] [[ component.getClass().getName() ]]
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: probe
        """));
    String rendered;
    try {
      rendered = Generated.render(repo).get(0).files().get("templates/web-extra.yaml");
    } catch (RenderException refused) {
      return;
    }
    assertThat(rendered).doesNotContain("java.lang", "class ");
  }

  @Test
  void render_userOverrideReplacesTheBuiltInBlueprintAndAddsFiles() {
    Path repo = TestRepos.baseRepo(temp.resolve("override"));
    TestRepos.write(repo, Map.of("templates/webapp/configmap.yaml.j2", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ include "[[ app.name ]].fullname" . }}-[[ component.name ]]-extra
        data:
          team: platform
        """));
    RenderedChart chart = Generated.render(repo).get(0);
    assertThat(chart.files()).containsKey("templates/web-configmap.yaml");
    assertThat(chart.files().get("templates/web-configmap.yaml")).contains("name: {{ include \"shop.fullname\" . }}-web-extra");
  }
}
