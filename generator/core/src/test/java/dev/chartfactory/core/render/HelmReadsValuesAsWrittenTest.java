package dev.chartfactory.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.HelmProbe;
import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.validate.ChartValidator;
import dev.chartfactory.core.validate.ChartWorkspace;
import dev.chartfactory.core.validate.ManifestSchemaValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values reach Helm as the spec wrote them: Helm reads YAML with Go's rules (YAML 1.1 booleans
 * such as {@code y} and {@code on}, octal {@code 0o17}, hex {@code 0X10}), so every generated
 * string that Go would read as something else must be quoted.
 */
class HelmReadsValuesAsWrittenTest {

  private static HelmCli helm;

  @TempDir Path temp;

  @BeforeAll
  static void helm() {
    helm = TestHelm.cli();
  }

  @Test
  void envValues_thatGoReadsAsBoolOrNumber_reachHelmAsStrings() {
    HelmProbe.Rendered rendered = render(app("""
        env: {A: "n", B: "0o17", C: "0X10", D: "on", E: "~", F: "1_000", G: "+1", H: ".inf", I: "0b101"}
        """, "web"));

    assertThat(rendered.values("hello").path("components").path("web").path("env").toString())
        .isEqualTo("{\"A\":\"n\",\"B\":\"0o17\",\"C\":\"0X10\",\"D\":\"on\",\"E\":\"~\",\"F\":\"1_000\","
            + "\"G\":\"+1\",\"H\":\".inf\",\"I\":\"0b101\"}");
  }

  @Test
  void envNames_yAndCapitalY_stayTwoKeys() {
    HelmProbe.Rendered rendered = render(app("env: {Y: \"upper\", y: \"lower\"}\n", "web"));

    assertThat(rendered.values("hello").path("components").path("web").path("env").toString())
        .isEqualTo("{\"Y\":\"upper\",\"y\":\"lower\"}");
  }

  @Test
  void componentNamedY_isRendered() {
    HelmProbe.Rendered rendered = render(app("", "y"));

    assertThat(rendered.manifests()).contains("name: hello-y\n");
    assertThat(rendered.values("hello").path("components").has("y")).isTrue();
  }

  @Test
  void componentsNamedOnNoNull_renderAndValidate() {
    Path repo = repo(app("", "on", "no", "null"));
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(repo));
    List<RenderedChart> charts = Generated.render(repo);

    ChartValidator.Report report = new ChartValidator(helm, new ManifestSchemaValidator(), PipelineListener.SILENT)
        .validate(platform, charts);

    assertThat(report.manifests()).isPositive();
    HelmProbe.Rendered rendered = HelmProbe.render(helm, ChartWorkspace.of(temp.resolve("workspace"), charts), "dev");
    assertThat(rendered.manifests()).contains("name: hello-on\n", "name: hello-no\n", "name: hello-null\n",
        "app.kubernetes.io/component: \"on\"\n", "app.kubernetes.io/component: \"no\"\n",
        "app.kubernetes.io/component: \"null\"\n");
  }

  @Test
  void imageTag_0X10_staysATag() {
    HelmProbe.Rendered rendered = render(app("", "web").replace("image: hello-web", "image: \"hello-web:0X10\""));

    assertThat(rendered.values("hello").path("components").path("web").path("image").path("tag").isTextual()).isTrue();
    assertThat(rendered.values("hello").path("components").path("web").path("image").path("tag").asText())
        .isEqualTo("0X10");
    assertThat(rendered.manifests()).contains("image: \"localhost:5000/hello-web:0X10\"");
  }

  @Test
  void description_n_isShownAsWritten() {
    HelmProbe.Rendered rendered = render(app("", "web").replace("description: A hello", "description: \"n\"\n# A hello"));

    assertThat(rendered.chart("hello").path("description").asText()).isEqualTo("n");
    assertThat(HelmProbe.showChart(rendered.workspace().chart("charts/hello"))).contains("description: \"n\"");
  }

  /** app.yaml of 'hello' with one webapp component per name, each with {@code extra} fields. */
  private static String app(String extra, String... components) {
    StringBuilder text = new StringBuilder("""
        name: hello
        description: A hello-world web app
        version: 1.0.0
        components:
        """);
    for (String component : components) {
      text.append("  \"").append(component).append("\":\n").append("""
              type: webapp
              image: hello-web
              port: 8080
              visibility: cluster
              probes:
                liveness: {http: {path: /health}}
                readiness: {http: {path: /ready}}
              resources:
                requests: {cpu: 50m, memory: 64Mi}
                limits: {memory: 128Mi}
          """);
      if (!extra.isEmpty()) {
        text.append("    ").append(extra);
      }
    }
    return text.toString();
  }

  private HelmProbe.Rendered render(String appYaml) {
    List<RenderedChart> charts = Generated.render(repo(appYaml));
    return HelmProbe.render(helm, ChartWorkspace.of(temp.resolve("workspace"), charts), "dev");
  }

  /** The small example with {@code appYaml} as its app's spec. */
  private Path repo(String appYaml) {
    Path repo = temp.resolve("repo");
    TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/small"), repo);
    TestRepos.write(repo, Map.of("apps/hello/app.yaml", appYaml));
    return repo;
  }
}
