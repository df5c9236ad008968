package dev.chartfactory.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.dashboard.support.Eventually;
import dev.chartfactory.dashboard.support.TestCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InformerClusterSourceTest {

  @Test
  void start_whenANamespaceSelectorIsSet_watchesEveryMatchingNamespace() {
    try (TestCluster cluster = new TestCluster()) {
      // Given
      for (String name : List.of("shop-dev", "shop-prod", "other")) {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
            .addToLabels("team", name.startsWith("shop") ? "shop" : "other").endMetadata().build()).create();
      }
      cluster.createPod("shop-prod", "web-1", "Running", "node-1");
      cluster.createPod("other", "x-1", "Running", "node-1");

      // When
      try (var source = new InformerClusterSource(cluster.client(), List.of("platform"), "team=shop", Clock.systemUTC())) {
        source.start(change -> { });

        // Then
        assertThat(source.namespaces()).containsExactly("shop-dev", "shop-prod");
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(source.hasSynced()).isTrue());
        assertThat(source.pods("shop-prod")).extracting(PodView::name).containsExactly("web-1");
        assertThat(source.pods("other")).isEmpty();
      }
    }
  }

  @Test
  void start_whenTheSelectorMatchesNothing_saysSo() {
    try (TestCluster cluster = new TestCluster();
        var source = new InformerClusterSource(cluster.client(), List.of(), "team=nobody", Clock.systemUTC())) {
      assertThatThrownBy(() -> source.start(change -> { }))
          .hasMessage("namespace selector 'team=nobody' matches no namespace");
    }
  }
}
