package dev.chartfactory.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.validate.ChartWorkspace;
import dev.chartfactory.core.validate.RenderedObjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated charts through the real helm binary: lint --strict, template, --set. */
class HelmRoundTripTest {

  private static HelmCli helm;

  @TempDir Path temp;

  @BeforeAll
  static void helm() {
    helm = TestHelm.cli();
  }

  @ParameterizedTest
  @ValueSource(strings = {"small", "shop"})
  void everyChartAndEveryEnvironment_lintsStrictAndRenders(String example) {
    Path repo = TestRepos.projectRoot().resolve("examples/" + example);
    List<RenderedChart> charts = Generated.render(repo);
    ChartWorkspace workspace = ChartWorkspace.of(temp, charts);
    for (RenderedChart chart : charts) {
      if (chart.folder().startsWith("charts/")) {
        helm.lint(workspace.chart(chart.folder()), List.of(), true);
        String manifests = helm.template(workspace.chart(chart.folder()), "t", "default", List.of(), Map.of());
        assertThat(kinds(manifests)).as(chart.name()).contains("ServiceAccount");
      }
    }
    RenderedChart umbrella = charts.get(charts.size() - 1);
    for (String file : umbrella.files().keySet()) {
      if (file.startsWith("values-")) {
        Path values = workspace.umbrella().resolve(file);
        helm.lint(workspace.umbrella(), List.of(values), true);
        String manifests = helm.template(workspace.umbrella(), "platform", "platform", List.of(values), Map.of());
        assertThat(kinds(manifests)).as(file).contains("Deployment", "ClusterIssuer", "Certificate");
      }
    }
  }

  @Test
  void shopProd_rendersTenantNamespacesQuotasAndGatewayRoutes() {
    List<RenderedChart> charts = Generated.render(TestRepos.projectRoot().resolve("examples/shop"));
    ChartWorkspace workspace = ChartWorkspace.of(temp, charts);
    String manifests = helm.template(workspace.umbrella(), "platform", "shop",
        List.of(workspace.umbrella().resolve("values-prod.yaml")), Map.of());
    List<Map<String, Object>> objects = objects(manifests);
    assertThat(objects).filteredOn(o -> "Namespace".equals(o.get("kind"))).hasSize(11);
    assertThat(objects).filteredOn(o -> "ResourceQuota".equals(o.get("kind"))).hasSize(11);
    Map<String, Object> route = objects.stream()
        .filter(o -> "HTTPRoute".equals(o.get("kind")) && name(o).equals("storefront-web")).findFirst().orElseThrow();
    assertThat(route.toString()).contains("hostnames=[www.shop.example.com]", "name=main", "namespace=gateway-system");
    assertThat(namespace(route)).isEqualTo("shop-storefront");
    Map<String, Object> hpa = objects.stream()
        .filter(o -> "HorizontalPodAutoscaler".equals(o.get("kind")) && name(o).equals("storefront-web")).findFirst().orElseThrow();
    assertThat(hpa.toString()).contains("minReplicas=4", "maxReplicas=20");
    assertThat(kinds(manifests)).doesNotContain("Ingress");
  }

  @Test
  void set_changesTheRenderedOutput_andSchemaRejectsWrongTypes() {
    List<RenderedChart> charts = Generated.render(TestRepos.projectRoot().resolve("examples/small"));
    ChartWorkspace workspace = ChartWorkspace.of(temp, charts);
    Path chart = workspace.chart("charts/hello");
    String before = helm.template(chart, "t", "default", List.of(), Map.of());
    String after = helm.template(chart, "t", "default", List.of(),
        Map.of("components.web.replicas", "7", "components.web.image.tag", "2.0.0"));
    assertThat(before).contains("replicas: 1").doesNotContain("replicas: 7");
    assertThat(after).contains("replicas: 7", "image: \"localhost:5000/hello-web:2.0.0\"");
    String scaled = helm.template(chart, "t", "default", List.of(),
        Map.of("components.web.autoscaling.enabled", "true"));
    assertThat(kinds(scaled)).contains("HorizontalPodAutoscaler").doesNotContain("PodDisruptionBudget");
    String scaledUp = helm.template(chart, "t", "default", List.of(),
        Map.of("components.web.autoscaling.enabled", "true", "components.web.autoscaling.minReplicas", "3"));
    assertThat(kinds(scaledUp)).contains("HorizontalPodAutoscaler", "PodDisruptionBudget");

    assertThatThrownBy(() -> helm.template(chart, "t", "default", List.of(), Map.of("components.web.replicaz", "3")))
        .isInstanceOf(HelmException.class).hasMessageContaining("replicaz");
    assertThatThrownBy(() -> helm.template(chart, "t", "default", List.of(),
            Map.of("components.web.image.pullPolicy", "Sometimes")))
        .isInstanceOf(HelmException.class).hasMessageContaining("pullPolicy");
  }

  static List<String> kinds(String manifests) {
    List<String> kinds = new ArrayList<>();
    for (Map<String, Object> object : objects(manifests)) {
      kinds.add((String) object.get("kind"));
    }
    return kinds;
  }

  static List<Map<String, Object>> objects(String manifests) {
    return RenderedObjects.objects(manifests);
  }

  @SuppressWarnings("unchecked")
  static String name(Map<String, Object> object) {
    return (String) ((Map<String, Object>) object.get("metadata")).get("name");
  }

  @SuppressWarnings("unchecked")
  static String namespace(Map<String, Object> object) {
    return (String) ((Map<String, Object>) object.get("metadata")).get("namespace");
  }
}
