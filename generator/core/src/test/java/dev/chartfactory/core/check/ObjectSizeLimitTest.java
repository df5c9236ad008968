package dev.chartfactory.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.SpecException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec that would make one Kubernetes object larger than the API server stores is refused at its line. */
class ObjectSizeLimitTest {

  @TempDir Path temp;

  @Test
  void resolve_whenEnvWouldMakeTheDeploymentTooLarge_refusesAtTheEnvLine() {
    String env = IntStream.range(0, 60_000)
        .mapToObj(i -> String.format("      VAR_%05d: value-%05d", i, i))
        .collect(Collectors.joining("\n"));

    assertThatThrownBy(() -> TestRepos.resolved(temp, Map.of("apps/shop/app.yaml", app(env))))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("apps/shop/app.yaml:13:")
            .contains("components.web.env: 60000 entries")
            .contains("MiB")
            .contains("expected"));
  }

  @Test
  void resolve_withAThousandEnvEntries_isFine() {
    String env = IntStream.range(0, 1_000)
        .mapToObj(i -> String.format("      VAR_%05d: value-%05d", i, i))
        .collect(Collectors.joining("\n"));

    assertThat(TestRepos.resolved(temp, Map.of("apps/shop/app.yaml", app(env))).baseApps()).containsKey("shop");
  }

  @Test
  void resolve_whenAnInstanceAddsEnvThatMakesTheDeploymentTooLarge_refusesAtTheInstancesEnvLine() {
    String appEnv = IntStream.range(0, 1_000)
        .mapToObj(i -> String.format("      VAR_%05d: value-%05d", i, i))
        .collect(Collectors.joining("\n"));
    String instanceEnv = IntStream.range(0, 60_000)
        .mapToObj(i -> String.format("      PROD_%05d: value-%05d", i, i))
        .collect(Collectors.joining("\n"));
    String prod = "version: 1.0.0\ncomponents:\n  web:\n    env:\n" + instanceEnv + "\n";

    assertThatThrownBy(() -> TestRepos.resolved(temp,
        Map.of("apps/shop/app.yaml", app(appEnv), "apps/shop/instances/prod.yaml", prod)))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems()).hasSize(1))
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("apps/shop/instances/prod.yaml:5:")
            .contains("61000 entries with the app's", "pod template in prod", "MiB", "expected"));
  }

  private static String app(String env) {
    return """
        name: shop
        version: 1.0.0
        components:
          web:
            type: webapp
            image: shop-web
            port: 8080
            visibility: public
            probes:
              liveness: {http: {path: /health}}
              readiness: {http: {path: /ready}}
            env:
        %s
        """.formatted(env);
  }
}
