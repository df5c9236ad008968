package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartWorkspaceTest {

  @Test
  void withDependencies_keepsAnAppWhoseNameYamlQuotes() {
    String chart = """
        apiVersion: v2
        name: platform
        dependencies:
          - name: 'y'
            version: 0.1.0
            repository: file://../charts/y
          - name: shop
            version: 0.1.0
            repository: file://../charts/shop
        """;

    String trimmed = ChartWorkspace.withDependencies(chart, Set.of("y"));

    assertThat(trimmed).contains("- name: 'y'", "repository: file://../charts/y").doesNotContain("shop");
  }
}
