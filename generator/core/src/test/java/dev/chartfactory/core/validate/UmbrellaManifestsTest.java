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

  @Test
  void examplesShop_prod_admitsEachServiceReferenceAcrossTenantNamespaces() throws IOException {
    // Given: storefront's CATALOG_URL is ${ref:catalog.api.http:url}; prod puts each app in its own namespace
    ChartWorkspace workspace = ChartWorkspace.of(temp, Generated.render(TestRepos.projectRoot().resolve("examples/shop")));
    HelmCli helm = TestHelm.cli();
    Path values = workspace.umbrella().resolve("values-prod.yaml");

    // When
    List<RenderedObjects.Document> documents = RenderedObjects.documents(
        helm.template(workspace.umbrella(), "platform", "shop", List.of(values), Map.of()));

    // Then: a schema-valid policy in catalog's namespace lets storefront's web pods reach the API's container port
    assertThat(SCHEMAS.validate(documents)).isEmpty();
    Map<String, Object> policy = RenderedObjects.objects(documents).stream()
        .filter(o -> "NetworkPolicy".equals(o.get("kind")))
        .filter(o -> "allow-references-to-catalog-api".equals(((Map<?, ?>) o.get("metadata")).get("name")))
        .findFirst().orElseThrow();
    assertThat(((Map<?, ?>) policy.get("metadata")).get("namespace")).isEqualTo("shop-catalog");
    assertThat(policy.get("spec")).isEqualTo(Map.of(
        "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "catalog", "app.kubernetes.io/component", "api")),
        "policyTypes", List.of("Ingress"),
        "ingress", List.of(Map.of(
            "from", List.of(Map.of(
                "namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "shop-storefront")),
                "podSelector", Map.of("matchLabels",
                    Map.of("app.kubernetes.io/name", "storefront", "app.kubernetes.io/component", "web")))),
            "ports", List.of(Map.of("port", 8080, "protocol", "TCP"))))));
    String storefront = RenderedObjects.objects(documents).stream()
        .filter(o -> "Deployment".equals(o.get("kind")))
        .filter(o -> "storefront-web".equals(((Map<?, ?>) o.get("metadata")).get("name")))
        .map(Object::toString).findFirst().orElseThrow();
    assertThat(storefront).contains("{name=CATALOG_URL, value=http://catalog-api.shop-catalog.svc:8080}");
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
