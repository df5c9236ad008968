package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class GitOpsCommandsTest {

  private static final String SHOP = CliRepos.projectRoot().resolve("examples/shop").toString();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> out = new ArrayList<>();
    new Yaml().loadAll(yaml).forEach(d -> out.add((Map<String, Object>) d));
    return out;
  }

  @Test
  void argocd_printsOneApplicationPerEnvironmentPointingAtItsValuesFile() {
    CliRun run = CliRun.of("gitops", "--repo", SHOP, "--repo-url", "https://git.example.com/shop.git");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Map<String, Object>> apps = documents(run.out());
    assertThat(apps).extracting(d -> (Object) ((Map<?, ?>) d.get("metadata")).get("name"))
        .containsExactly("shop-platform-dev", "shop-platform-prod", "shop-platform-staging");
    assertThat(run.out()).contains("- values-prod.yaml", "path: umbrella-chart", "namespace: shop");
  }

  @Test
  void appSetAndFlux_coverEveryEnvironment() {
    CliRun set = CliRun.of("gitops", "--format", "argocd-appset", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(set.exitCode()).isZero();
    assertThat(set.out()).contains("kind: ApplicationSet", "- env: dev", "- env: staging", "- env: prod",
        "values-{{.env}}.yaml");
    CliRun flux = CliRun.of("gitops", "--format", "flux", "--revision", "v1.2.0", "--repo", SHOP,
        "--repo-url", "https://g/x.git");
    assertThat(documents(flux.out())).extracting(d -> d.get("kind"))
        .containsExactly("GitRepository", "HelmRelease", "HelmRelease", "HelmRelease");
    assertThat(flux.out()).contains("tag: v1.2.0", "- umbrella-chart/values-staging.yaml");
  }

  @Test
  void unknownEnvironmentOrFormat_isAnInputError() {
    CliRun env = CliRun.of("gitops", "--env", "prdo", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(env.exitCode()).isEqualTo(1);
    assertThat(env.err()).contains("'prdo' is not an environment", "did you mean 'prod'?");
    CliRun format = CliRun.of("gitops", "--format", "helmfile", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(format.exitCode()).isEqualTo(1);
  }
}
