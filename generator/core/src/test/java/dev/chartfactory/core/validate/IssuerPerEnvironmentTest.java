package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.helm.HelmCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates per environment, as helm renders the umbrella of {@code golden/issuers/spec}: dev
 * keeps the self-signed CA, prod gets an ACME ClusterIssuer solving through its Ingress class,
 * staging names a namespaced Issuer, edge solves ACME through its Gateway.
 */
class IssuerPerEnvironmentTest {

  private static final ManifestSchemaValidator SCHEMAS = new ManifestSchemaValidator();

  @TempDir Path temp;
  private ChartWorkspace workspace;
  private final HelmCli helm = TestHelm.cli();

  @BeforeEach
  void generate() throws IOException {
    workspace = ChartWorkspace.of(temp, Generated.render(TestRepos.resource("golden/issuers/spec")));
  }

  private List<Map<String, Object>> render(String environment) {
    List<RenderedObjects.Document> documents = RenderedObjects.documents(helm.template(workspace.umbrella(),
        "platform", "platform", List.of(workspace.umbrella().resolve("values-" + environment + ".yaml")), Map.of()));
    assertThat(SCHEMAS.validate(documents)).as(environment).isEmpty();
    return RenderedObjects.objects(documents);
  }

  private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  private static Object name(Map<String, Object> object) {
    return ((Map<?, ?>) object.get("metadata")).get("name");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Map<String, Object> object) {
    return (Map<String, Object>) ((Map<?, ?>) object.get("metadata")).get("annotations");
  }

  @Test
  void dev_keepsTheSelfSignedChain() {
    List<Map<String, Object>> objects = render("dev");

    assertThat(ofKind(objects, "ClusterIssuer")).extracting(IssuerPerEnvironmentTest::name)
        .containsExactlyInAnyOrder("factory-self-ca-bootstrap", "factory-self-ca");
    assertThat(annotations(ofKind(objects, "Ingress").get(0)))
        .containsEntry("cert-manager.io/cluster-issuer", "factory-self-ca");
  }

  @Test
  void prod_getsAnAcmeClusterIssuer_solvingThroughItsIngressClass_andItsIngressNamesIt() {
    List<Map<String, Object>> objects = render("prod");

    List<Map<String, Object>> issuers = ofKind(objects, "ClusterIssuer");
    assertThat(issuers).extracting(IssuerPerEnvironmentTest::name).containsExactly("letsencrypt");
    assertThat(issuers.get(0).get("spec")).isEqualTo(Map.of("acme", Map.of(
        "server", "https://acme-v02.api.letsencrypt.org/directory",
        "email", "ops@example.com",
        "privateKeySecretRef", Map.of("name", "letsencrypt-account-key"),
        "solvers", List.of(Map.of("http01", Map.of("ingress", Map.of("ingressClassName", "nginx")))))));
    assertThat(ofKind(objects, "Certificate")).isEmpty();
    Map<String, Object> ingress = ofKind(objects, "Ingress").get(0);
    assertThat(annotations(ingress)).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
  }

  @Test
  void staging_namesANamespacedIssuer_insteadOfAClusterIssuer() {
    List<Map<String, Object>> objects = render("staging");

    assertThat(annotations(ofKind(objects, "Ingress").get(0)))
        .containsEntry("cert-manager.io/issuer", "staging-ca")
        .doesNotContainKey("cert-manager.io/cluster-issuer");
  }

  @Test
  void edge_solvesAcmeThroughItsGateway() {
    List<Map<String, Object>> objects = render("edge");

    List<Map<String, Object>> issuers = ofKind(objects, "ClusterIssuer");
    assertThat(issuers).extracting(IssuerPerEnvironmentTest::name).containsExactly("acme");
    assertThat(issuers.get(0).get("spec").toString()).contains(
        "server=https://acme-staging-v02.api.letsencrypt.org/directory",
        "gatewayHTTPRoute={parentRefs=[{name=main, namespace=gateway-system, kind=Gateway}]}");
    assertThat(ofKind(objects, "HTTPRoute")).hasSize(1);
  }
}
