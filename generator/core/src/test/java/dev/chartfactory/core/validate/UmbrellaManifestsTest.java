package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.helm.HelmCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cluster would be sent, checked without one: an umbrella linted and rendered by helm with each
 * of its values-&lt;env&gt;.yaml, and every object checked against the Kubernetes schema of its kind. For
 * examples/small as its specs generate it, and for this repository's own charts/ and umbrella-chart/
 * as committed, which is what a GitOps controller installs from it.
 */
class UmbrellaManifestsTest {

  private static final ManifestSchemaValidator SCHEMAS = new ManifestSchemaValidator();

  @TempDir Path temp;

  @Test
  void examplesSmall_everyEnvironmentRendersObjectsThatMatchTheirSchemas() throws IOException {
    // Given
    ChartWorkspace workspace = ChartWorkspace.of(temp, Generated.render(TestRepos.projectRoot().resolve("examples/small")));

    // When
    Map<String, List<String>> kinds = renderAndValidate(TestHelm.cli(), workspace.umbrella());

    // Then
    assertThat(kinds).containsOnlyKeys("values-dev.yaml");
    assertThat(kinds.get("values-dev.yaml")).contains("Deployment", "Service", "Ingress", "ClusterIssuer", "Certificate");
  }

  @Test
  void thisRepositorysUmbrella_asCommitted_everyEnvironmentRendersObjectsThatMatchTheirSchemas() throws IOException {
    // Given: a copy, because helm dependency build writes into the chart
    Path root = TestRepos.projectRoot();
    TestRepos.copyTree(root.resolve("charts"), temp.resolve("charts"));
    Path umbrella = temp.resolve("umbrella-chart");
    try (Stream<Path> files = Files.list(root.resolve("umbrella-chart"))) {
      for (Path file : files.toList()) {
        // Left by a local 'make sync'; the build must not depend on them.
        if (!List.of("charts", "Chart.lock", "tmpcharts").contains(file.getFileName().toString())) {
          TestRepos.copyTree(file, umbrella.resolve(file.getFileName().toString()));
        }
      }
    }
    HelmCli helm = TestHelm.cli();
    helm.dependencyBuild(umbrella);

    // When
    Map<String, List<String>> kinds = renderAndValidate(helm, umbrella);

    // Then: the dashboard and its database in every environment of environments/
    List<String> environments = new ArrayList<>();
    try (Stream<Path> files = Files.list(root.resolve("environments"))) {
      files.map(f -> "values-" + f.getFileName()).sorted().forEach(environments::add);
    }
    assertThat(kinds.keySet()).containsExactlyElementsOf(environments);
    kinds.forEach((values, rendered) -> assertThat(rendered).as(values)
        .contains("Deployment", "StatefulSet", "Service", "Ingress", "Role", "RoleBinding", "Certificate"));
  }

  /** The kinds rendered per values file, after helm lint --strict and the schemas found nothing wrong. */
  private static Map<String, List<String>> renderAndValidate(HelmCli helm, Path umbrella) throws IOException {
    Map<String, List<String>> kinds = new TreeMap<>();
    List<Path> valuesFiles;
    try (Stream<Path> files = Files.list(umbrella)) {
      valuesFiles = files.filter(f -> f.getFileName().toString().matches("values-.+\\.yaml")).sorted().toList();
    }
    for (Path values : valuesFiles) {
      helm.lint(umbrella, List.of(values), true);
      String rendered = helm.template(umbrella, "platform", "platform", List.of(values), Map.of());
      List<RenderedObjects.Document> documents = RenderedObjects.documents(rendered);
      String file = values.getFileName().toString();
      assertThat(SCHEMAS.validate(documents)).as(file).isEmpty();
      List<String> renderedKinds = new ArrayList<>();
      for (Map<String, Object> object : RenderedObjects.objects(documents)) {
        String apiVersion = (String) object.get("apiVersion");
        String kind = (String) object.get("kind");
        // An allow-listed kind passes unchecked; none may hide here.
        assertThat(SCHEMAS.isUnvalidated(apiVersion, kind)).as(file + ": " + apiVersion + " " + kind).isFalse();
        renderedKinds.add(kind);
      }
      kinds.put(file, renderedKinds);
    }
    return kinds;
  }
}
