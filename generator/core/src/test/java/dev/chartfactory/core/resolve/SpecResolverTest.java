package dev.chartfactory.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.TestRepos;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecResolverTest {

  @TempDir Path temp;

  private ResolvedPlatform resolve(Map<String, String> files) {
    return TestRepos.resolved(temp.resolve("repo"), files);
  }

  @Test
  void resolve_mergesDefaultsThenAppThenInstance_fieldByField() {
    ResolvedPlatform platform = resolve(Map.of(
        "factory.yaml", """
            registry: registry.example.com:5000
            defaults:
              replicas: 2
              resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
              env: {TZ: UTC, LOG_LEVEL: info}
            """,
        "apps/shop/app.yaml", """
            name: shop
            version: 1.0.0
            components:
              web:
                type: webapp
                image: shop-web
                port: 8080
                visibility: public
                resources: {requests: {cpu: 250m}}
                autoscaling: {min: 2, max: 5, cpuPercent: 70}
                env: {LOG_LEVEL: debug}
            """,
        "apps/shop/instances/prod.yaml", """
            version: 1.4.2
            components:
              web: {autoscaling: {max: 10}, env: {LOG_LEVEL: warn}, host: www.shop.com}
            """));

    ResolvedComponent base = platform.baseApps().get("shop").components().get("web");
    assertThat(base.image().reference()).isEqualTo("registry.example.com:5000/shop-web:1.0.0");
    assertThat(base.replicas()).isEqualTo(2);
    assertThat(base.resources().requests().cpu()).isEqualTo("250m");
    assertThat(base.resources().requests().memory()).isEqualTo("128Mi");
    assertThat(base.env()).containsExactly(Map.entry("LOG_LEVEL", "debug"), Map.entry("TZ", "UTC"));
    assertThat(base.host()).isEqualTo("shop");

    ResolvedComponent prod = platform.environments().get("prod").get("shop").components().get("web");
    assertThat(prod.image().tag()).isEqualTo("1.4.2");
    assertThat(prod.autoscaling().min()).isEqualTo(2);
    assertThat(prod.autoscaling().max()).isEqualTo(10);
    assertThat(prod.autoscaling().cpuPercent()).isEqualTo(70);
    assertThat(prod.env()).containsEntry("LOG_LEVEL", "warn").containsEntry("TZ", "UTC");
    assertThat(prod.host()).isEqualTo("www.shop.com");

    ResolvedComponent dev = platform.environments().get("dev").get("shop").components().get("web");
    assertThat(dev.image().tag()).isEqualTo("1.0.0");
    assertThat(dev.host()).isEqualTo("shop");
    assertThat(dev.fullHost("dev.local.test")).isEqualTo("shop.dev.local.test");
  }

  @Test
  void resolve_namespaces_followEnvironmentPrefixOrUmbrella() {
    ResolvedPlatform platform = resolve(Map.of(
        "environments/prod.yaml", "name: prod\ndomain: example.com\nnamespacePrefix: t1-\n"));
    assertThat(platform.environments().get("prod").get("shop").namespace()).isEqualTo("t1-shop");
    assertThat(platform.environments().get("dev").get("shop").namespace()).isEqualTo("platform");
  }

  @Test
  void imageRef_parsesQualifiedNamesTagsAndDigests() {
    assertThat(ImageRef.parse("shop-web", "localhost:5000", "1.0").reference())
        .isEqualTo("localhost:5000/shop-web:1.0");
    assertThat(ImageRef.parse("docker.io/library/postgres:15", "localhost:5000", "x").reference())
        .isEqualTo("docker.io/library/postgres:15");
    assertThat(ImageRef.parse("team/app@sha256:abc", "localhost:5000", "x").reference())
        .isEqualTo("localhost:5000/team/app@sha256:abc");
    assertThat(ImageRef.parse("localhost/app", "r.io", "2").name()).isEqualTo("localhost/app");
  }
}
