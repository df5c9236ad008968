package dev.chartfactory.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.render.RenderedChart;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AffectedAppsTest {

  @Test
  void of_namesAppsByTheirSpecOrChartFolder_andIgnoresOtherFiles() {
    AffectedApps affected = AffectedApps.of(List.of("apps/shop/instances/dev.yaml", "charts/cart/values.yaml",
        "services/dashboard/app.yaml", "README.md", ".github/workflows/ci.yaml", "umbrella-chart/values-dev.yaml"), true);
    assertThat(affected.all()).isFalse();
    assertThat(affected.apps()).containsExactly("cart", "dashboard", "shop");
    assertThat(affected.includes("shop")).isTrue();
    assertThat(affected.includes("search")).isFalse();
  }

  @Test
  void of_sharedInputsOrAnotherGenerator_affectEveryApp() {
    assertThat(AffectedApps.of(List.of("apps/shop/app.yaml", "environments/prod.yaml"), true))
        .satisfies(a -> assertThat(a.all()).isTrue())
        .satisfies(a -> assertThat(a.reason()).isEqualTo("environments/prod.yaml changed"));
    assertThat(AffectedApps.of(List.of("templates/webapp/extra.yaml.j2"), true).all()).isTrue();
    assertThat(AffectedApps.of(List.of("factory.yaml"), true).all()).isTrue();
    assertThat(AffectedApps.of(List.of(), false).reason()).contains("another generator version");
  }

  @Test
  void ofUmbrellaValues_namesAppsWhoseBlocksChanged_orAllForASharedBlock() {
    String values = "global:\n  domain: a\nshop:\n  enabled: true\ncart:\n  enabled: true\n";
    RenderedChart before = umbrella(values);
    Set<String> apps = Set.of("shop", "cart");
    assertThat(AffectedApps.ofUmbrellaValues(before, umbrella(values.replace("shop:\n  enabled: true", "shop:\n  enabled: false")), apps).apps())
        .containsExactly("shop");
    assertThat(AffectedApps.ofUmbrellaValues(before, umbrella(values.replace("domain: a", "domain: b")), apps).all()).isTrue();
    assertThat(AffectedApps.ofUmbrellaValues(null, umbrella(values), apps).all()).isTrue();
  }

  private static RenderedChart umbrella(String devValues) {
    return new RenderedChart("platform", "umbrella-chart", new TreeMap<>(Map.of("values-dev.yaml", devValues)));
  }
}
