package dev.chartfactory.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RepoLayoutTest {

  @Test
  void of_normalisesTheRepoOptionToOneAbsoluteRoot() {
    Path here = Path.of("").toAbsolutePath().normalize();

    assertThat(RepoLayout.of(".").root()).isEqualTo(here);
    assertThat(RepoLayout.of("").root()).isEqualTo(here);
    assertThat(RepoLayout.of(null).root()).isEqualTo(here);
    assertThat(RepoLayout.of("a/../b/./").root()).isEqualTo(here.resolve("b"));
  }

  @Test
  void generatedFolders_areUnderTheRoot() {
    RepoLayout layout = new RepoLayout(Path.of("/repo"));

    assertThat(layout.umbrellaChart()).isEqualTo(Path.of("/repo/umbrella-chart"));
    assertThat(layout.charts()).isEqualTo(Path.of("/repo/charts"));
    assertThat(layout.operationLog()).isEqualTo(Path.of("/repo/.factory/operations.jsonl"));
    assertThat(RepoLayout.chartFolder("shop")).isEqualTo("charts/shop");
    assertThat(RepoLayout.umbrellaValues("dev")).isEqualTo("umbrella-chart/values-dev.yaml");
  }

  @Test
  void holdsSpecs_readsSpecFoldersAndOnlyInstancesBelowAnApp() {
    assertThat(RepoLayout.holdsSpecs("environments")).isTrue();
    assertThat(RepoLayout.holdsSpecs("apps/shop")).isTrue();
    assertThat(RepoLayout.holdsSpecs("services/shop/instances")).isTrue();
    assertThat(RepoLayout.holdsSpecs("templates/webapp")).isTrue();
    assertThat(RepoLayout.holdsSpecs("apps/shop/src")).isFalse();
    assertThat(RepoLayout.holdsSpecs("charts/shop")).isFalse();
    assertThat(RepoLayout.holdsSpecs("umbrella-chart")).isFalse();
  }

  @Test
  void specFilePatterns_matchAppsInEitherFolder() {
    assertThat(RepoLayout.APP_FILE.matcher("services/shop/app.yml").matches()).isTrue();
    assertThat(RepoLayout.INSTANCE_FILE.matcher("apps/shop/instances/dev.yaml").matches()).isTrue();
    assertThat(RepoLayout.ENVIRONMENT_FILE.matcher("environments/prod.yaml").matches()).isTrue();
    assertThat(RepoLayout.APP_FILE.matcher("charts/shop/app.yaml").matches()).isFalse();
  }
}
