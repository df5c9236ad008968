package dev.chartfactory.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.diff.ObjectChange.FieldChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestDifferTest {

  private static final String BEFORE = """
      ---
      # Source: p/charts/shop/templates/web-deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: shop-web, namespace: platform}
      spec:
        replicas: 2
        template: {spec: {containers: [{name: web, image: "shop:1.0"}]}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop-web, namespace: platform}
      spec: {ports: [{port: 80}]}
      """;

  @Test
  void diff_reportsAddedRemovedAndChangedFieldsByObject() {
    String after = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop-web, namespace: platform}
        spec:
          replicas: 3
          template: {spec: {containers: [{name: web, image: "shop:1.1"}]}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop-web, namespace: platform}
        spec: {}
        """;
    List<ObjectChange> changes = new ManifestDiffer().diff(BEFORE, after);
    assertThat(changes).extracting(c -> c.key().toString() + " " + c.type())
        .containsExactly("Deployment platform/shop-web CHANGED", "Ingress platform/shop-web ADDED",
            "Service platform/shop-web REMOVED");
    assertThat(changes.get(0).fields()).containsExactly(
        new FieldChange("spec.replicas", "2", "3"),
        new FieldChange("spec.template.spec.containers[web].image", "shop:1.0", "shop:1.1"));
    String text = new DiffReport(Map.of("prod", changes)).text();
    assertThat(text).contains("environment prod: 1 added, 1 changed, 1 removed",
        "  ~ Deployment platform/shop-web", "      spec.replicas: 2 -> 3", "  + Ingress", "  - Service");
    assertThat(new DiffReport(Map.of("prod", changes)).markdown()).contains("| changed | `Deployment platform/shop-web` |");
  }

  @Test
  void diff_ofIdenticalRenderings_isEmpty() {
    assertThat(new ManifestDiffer().diff(BEFORE, BEFORE)).isEmpty();
    assertThat(new DiffReport(Map.of("dev", List.of())).isEmpty()).isTrue();
  }

  @Test
  void diff_whenOneEnvVarIsAddedFirst_matchesListsOfNamedThingsByName() {
    String before = deployment("""
        [{name: web, image: "shop:1.0", ports: [{name: http, containerPort: 8080}],
          env: [{name: JAVA_TOOL_OPTIONS, value: "-Xmx1g"}, {name: LOG_LEVEL, value: info}],
          volumeMounts: [{mountPath: /tmp, name: tmp}, {mountPath: /cache, name: cache}]}]""");
    String after = deployment("""
        [{name: web, image: "shop:1.0", ports: [{name: http, containerPort: 8080}],
          env: [{name: FEATURE_X, value: "on"}, {name: JAVA_TOOL_OPTIONS, value: "-Xmx1g"}, {name: LOG_LEVEL, value: debug}],
          volumeMounts: [{mountPath: /cache, name: cache, readOnly: true}, {mountPath: /tmp, name: tmp}]}]""");

    List<ObjectChange> changes = new ManifestDiffer().diff(before, after);

    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).fields()).containsExactly(
        new FieldChange("spec.template.spec.containers[web].env[FEATURE_X].name", null, "FEATURE_X"),
        new FieldChange("spec.template.spec.containers[web].env[FEATURE_X].value", null, "on"),
        new FieldChange("spec.template.spec.containers[web].env[LOG_LEVEL].value", "info", "debug"),
        new FieldChange("spec.template.spec.containers[web].volumeMounts[cache].readOnly", null, "true"));
  }

  @Test
  void report_showsTheReferenceAnEnvValueWasWrittenAs_besideItsResolvedChange() {
    String before = deployment("[{name: web, image: \"shop:1.0\", env: [{name: CATALOG_URL, value: \"http://catalog-api:8080\"}]}]");
    String after = deployment("[{name: web, image: \"shop:1.0\", env: [{name: CATALOG_URL,"
        + " value: \"http://catalog-api.shop-catalog.svc:8080\"}]}]");
    DiffReport report = new DiffReport(Map.of("prod", new ManifestDiffer().diff(before, after))).withNotes(Map.of(
        "prod", List.of(new DiffReport.EnvNote("platform", "shop-web", "web", "CATALOG_URL", "${ref:catalog.api.http:url}"))));

    assertThat(report.text()).contains("spec.template.spec.containers[web].env[CATALOG_URL].value:"
        + " http://catalog-api:8080 -> http://catalog-api.shop-catalog.svc:8080  (${ref:catalog.api.http:url})\n");
    assertThat(report.markdown()).contains("http://catalog-api.shop-catalog.svc:8080` (`${ref:catalog.api.http:url}`)");
  }

  @Test
  void diff_whenElementsHaveNoUniqueKey_comparesByPositionAndQuotesOddKeys() {
    String before = deployment("[{name: web, args: [a, b]}, {name: \"x]y\", image: one}]");
    String after = deployment("[{name: web, args: [b, a]}, {name: \"x]y\", image: two}]");
    assertThat(new ManifestDiffer().diff(before, after).get(0).fields()).extracting(FieldChange::path).containsExactly(
        "spec.template.spec.containers[\"x]y\"].image",
        "spec.template.spec.containers[web].args[0]",
        "spec.template.spec.containers[web].args[1]");
  }

  @Test
  void report_summarisesProvenanceOnlyChangesInOneLine() {
    String before = labelled("aaaa111", "shop:1.0");
    String after = labelled("bbbb222", "shop:1.0") + labelled("bbbb222", "shop:1.1").replace("shop-web", "shop-api");
    String beforeBoth = before + before.replace("shop-web", "shop-api");
    List<ObjectChange> changes = new ManifestDiffer().diff(beforeBoth, after);
    assertThat(changes).hasSize(2);

    String text = new DiffReport(Map.of("prod", changes)).text();

    assertThat(text).contains("environment prod: 0 added, 1 changed, 0 removed",
        "  chartfactory.dev/source-commit: aaaa111 -> bbbb222 on 2 objects",
        "  ~ Deployment platform/shop-api", "containers[web].image: shop:1.0 -> shop:1.1");
    assertThat(text).doesNotContain("shop-web", "metadata.labels");
    assertThat(new DiffReport(Map.of("prod", changes)).markdown()).contains("source-commit: aaaa111 -> bbbb222 on 2 objects")
        .doesNotContain("shop-web");
  }

  private static String labelled(String commit, String image) {
    return """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop-web, namespace: platform, labels: {chartfactory.dev/source-commit: %s}}
        spec: {template: {spec: {containers: [{name: web, image: "%s"}]}}}
        """.formatted(commit, image);
  }

  private static String deployment(String containers) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop-web, namespace: platform}
        spec: {template: {spec: {containers: %s}}}
        """.formatted(containers.replace("\n", " "));
  }
}
