package dev.chartfactory.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.spec.ServiceReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceReferenceLinkerTest {

  @TempDir Path temp;

  private static final String CATALOG = """
      name: catalog
      version: 1.0.0
      components:
        api:
          type: webapp
          image: catalog-api
          ports: [{name: http, port: 80, targetPort: 8080}, {name: grpc, port: 9090, protocol: grpc}]
      """;

  private ResolvedPlatform resolve(Map<String, String> extra) {
    Map<String, String> files = new HashMap<>(Map.of(
        "environments/prod.yaml", "name: prod\ndomain: example.com\nnamespacePrefix: shop-\n",
        "apps/catalog/app.yaml", CATALOG,
        "apps/catalog/instances/dev.yaml", "version: 1.0.0\n",
        "apps/catalog/instances/prod.yaml", "version: 1.0.0\n"));
    files.putAll(extra);
    return TestRepos.resolved(temp.resolve("repo"), files);
  }

  private static String shopEnv(String env) {
    return """
        name: shop
        version: 1.0.0
        components:
          web:
            type: webapp
            image: shop-web
            port: 8080
            env:
        """ + env.indent(6);
  }

  @Test
  void link_resolvesEachForm_withTheNamespaceOnlyWhenAppsLiveApart() {
    ResolvedPlatform platform = resolve(Map.of("apps/shop/app.yaml", shopEnv("""
        ADDR: ${ref:catalog.api.http}
        URL: ${ref:catalog.api.http:url}/v1
        GRPC: ${ref:catalog.api.grpc:url}
        HOST: ${ref:catalog.api:host}
        PORT: ${ref:catalog.api:port}
        SHELL: ${HOME}/x and $${ref:not.a.ref}
        """)));

    Map<String, String> base = platform.baseApps().get("shop").components().get("web").env();
    assertThat(base).containsEntry("ADDR", "catalog-api:80").containsEntry("URL", "http://catalog-api:80/v1")
        .containsEntry("GRPC", "grpc://catalog-api:9090").containsEntry("HOST", "catalog-api")
        .containsEntry("PORT", "80").containsEntry("SHELL", "${HOME}/x and ${ref:not.a.ref}");
    Map<String, String> dev = platform.environments().get("dev").get("shop").components().get("web").env();
    assertThat(dev).containsEntry("URL", "http://catalog-api:80/v1");
    Map<String, String> prod = platform.environments().get("prod").get("shop").components().get("web").env();
    assertThat(prod).containsEntry("ADDR", "catalog-api.shop-catalog.svc:80")
        .containsEntry("URL", "http://catalog-api.shop-catalog.svc:80/v1")
        .containsEntry("HOST", "catalog-api.shop-catalog.svc").containsEntry("PORT", "80");
    assertThat(platform.references()).filteredOn(r -> "prod".equals(r.environment()) && r.crossesNamespaces())
        .extracting(r -> r.fromApp() + "." + r.fromComponent() + " -> " + r.service() + ":" + r.port().containerPort())
        .contains("shop.web -> catalog-api:8080");
    assertThat(platform.callersOf(java.util.List.of("catalog"))).containsExactly("shop");
  }

  @Test
  void check_unknownAppComponentOrPort_reportsTheLineWithAHint() {
    SpecException failure = catchThrowableOfType(SpecException.class, () -> resolve(Map.of("apps/shop/app.yaml",
        shopEnv("""
            A: ${ref:catalgo.api.http}
            B: ${ref:catalog.apj.http}
            C: ${ref:catalog.api.htp:url}
            D: ${ref:catalog.api.http:uri}
            E: ${ref:catalog}
            F: x ${ref:catalog.api.http
            """))));

    assertThat(failure.problems()).extracting(Problem::toString).containsExactly(
        "apps/shop/app.yaml:9:7: components.web.env.A: ${ref:catalgo.api.http} names app 'catalgo', which does not"
            + " exist (expected one of: catalog, shop); did you mean 'catalog'?",
        "apps/shop/app.yaml:10:7: components.web.env.B: ${ref:catalog.apj.http} names component 'apj', which app"
            + " catalog does not have (expected one of: api); did you mean 'api'?",
        "apps/shop/app.yaml:11:7: components.web.env.C: ${ref:catalog.api.htp:url} names port 'htp', which"
            + " catalog.api does not have (expected one of: http, grpc); did you mean 'http'?",
        "apps/shop/app.yaml:12:7: components.web.env.D: '${ref:catalog.api.http:uri}' asks for the form 'uri'"
            + " (expected one of: address, url, host, port); did you mean 'url'?",
        "apps/shop/app.yaml:13:7: components.web.env.E: '${ref:catalog}' is not a reference (" + ServiceReference.EXPECTED + ")",
        "apps/shop/app.yaml:14:7: components.web.env.F: '${ref:catalog.api.http' has no closing '}' ("
            + ServiceReference.EXPECTED + "; write $${ref: for the literal text)");
  }

  @Test
  void check_calleeMissingInAnEnvironmentWhereTheCallerRuns_namesTheInstanceFile() {
    SpecException failure = catchThrowableOfType(SpecException.class, () -> resolve(Map.of(
        "apps/shop/app.yaml", shopEnv("URL: ${ref:catalog.api.http:url}\n"),
        "apps/catalog/instances/prod.yaml", "version: 1.0.0\nenabled: false\n",
        "apps/catalog/instances/dev.yaml", "version: 1.0.0\ncomponents: {api: {enabled: false}}\n")));

    assertThat(failure.problems()).extracting(Problem::toString).containsExactly(
        "apps/shop/app.yaml:9:7: components.web.env.URL: in environment dev, ${ref:catalog.api.http:url} names"
            + " catalog.api, which is disabled there (components.api.enabled: false) (expected it to run wherever"
            + " shop.web runs)",
        "apps/shop/app.yaml:9:7: components.web.env.URL: in environment prod, ${ref:catalog.api.http:url} names"
            + " catalog.api, which is disabled there (enabled: false in apps/catalog/instances/prod.yaml) (expected"
            + " it to run wherever shop.web runs)");
  }

  @Test
  void check_referenceToAWorker_saysItHasNoService() {
    SpecException failure = catchThrowableOfType(SpecException.class, () -> resolve(Map.of(
        "apps/catalog/app.yaml", CATALOG + "  indexer: {type: worker, image: idx}\n",
        "apps/shop/instances/prod.yaml", "version: 1.0.0\ncomponents: {web: {env: {Q: \"${ref:catalog.indexer:host}\"}}}\n")));

    assertThat(failure.problems()).extracting(Problem::toString).containsExactly(
        "apps/shop/instances/prod.yaml:2:26: components.web.env.Q: ${ref:catalog.indexer:host} names"
            + " catalog.indexer, a worker, which has no Service (expected a webapp or stateful component)");
  }
}
