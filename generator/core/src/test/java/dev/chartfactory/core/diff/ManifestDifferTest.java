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
        new FieldChange("spec.template.spec.containers[0].image", "shop:1.0", "shop:1.1"));
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
}
