package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** generate-all, generate and check through the real entry point, with the real helm. */
class GenerateCommandsTest {

  @TempDir Path temp;

  @BeforeEach
  void needsHelm() {
    CliRepos.requireHelm();
  }



  @Test
  void generateAll_writesValidatedCharts_thenCheckPassesAndARerunChangesNothing() throws IOException {
    Path repo = CliRepos.copyOfExample("shop", temp);
    CliRun first = CliRun.of("generate-all", "--repo", repo.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("[validate] ", "pass helm template, their Kubernetes schemas and the policy rules");
    assertThat(first.out()).contains("charts/storefront", "umbrella-chart");
    assertThat(repo.resolve("umbrella-chart/values-prod.yaml")).exists();

    CliRun again = CliRun.of("generate-all", "--repo", repo.toString(), "--quiet");
    assertThat(again.out()).contains("up to date: nothing changed");
    assertThat(CliRun.of("check", "--repo", repo.toString(), "--quiet").exitCode()).isZero();
  }

  @Test
  void diffAndCheck_asJson_withStableFields_andDiffExitCodeTwoOnlyWhenSomethingChanges() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet").exitCode()).isZero();
    CliRun upToDate = CliRun.of("check", "--repo", repo.toString(), "--quiet", "--output", "json");
    assertThat(upToDate.exitCode()).isZero();
    assertThat(JSON.readTree(upToDate.out()).path("changed").asBoolean(true)).isFalse();
    assertThat(CliRun.of("diff", "--repo", repo.toString(), "--exit-code").exitCode()).isZero();

    Files.writeString(repo.resolve("apps/hello/instances/dev.yaml"), "version: 1.0.1\n");
    CliRun json = CliRun.of("diff", "--repo", repo.toString(), "--env", "dev", "--output", "json");

    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode report = JSON.readTree(json.out());
    assertThat(report.path("schema").asString()).isEqualTo("chartfactory.dev/diff/v1");
    assertThat(report.path("changed").asBoolean()).isTrue();
    JsonNode dev = report.path("environments").get(0);
    assertThat(dev.path("name").asString()).isEqualTo("dev");
    assertThat(dev.path("changed").asInt()).isEqualTo(3);
    JsonNode deployment = null;
    for (JsonNode object : dev.path("objects")) {
      if (object.path("kind").asString().equals("Deployment")) {
        deployment = object;
      }
    }
    assertThat(deployment).isNotNull();
    assertThat(deployment.path("change").asString()).isEqualTo("changed");
    assertThat(deployment.path("fields").toString()).contains(
        "{\"path\":\"spec.template.spec.containers[web].image\",\"before\":\"localhost:5000/hello-web:1.0.0\","
            + "\"after\":\"localhost:5000/hello-web:1.0.1\"}");

    CliRun exitCode = CliRun.of("diff", "--repo", repo.toString(), "--exit-code");
    assertThat(exitCode.exitCode()).isEqualTo(2);
    assertThat(exitCode.out()).contains("hello-web:1.0.0 -> localhost:5000/hello-web:1.0.1");
    CliRun stale = CliRun.of("check", "--repo", repo.toString(), "--quiet", "--output", "json");
    assertThat(stale.exitCode()).isEqualTo(2);
    assertThat(JSON.readTree(stale.out()).path("changed").asBoolean()).isTrue();
    assertThat(CliRun.of("diff", "--repo", repo.toString(), "--output", "yaml").exitCode()).isEqualTo(1);
  }

  @Test
  void generateAll_whenNothingChanged_takesValidationFromTheCache_andNoCacheValidatesAgain() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    CliRun first = CliRun.of("generate-all", "--repo", repo.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<String> charts = contents(repo);

    CliRun again = CliRun.of("generate-all", "--repo", repo.toString());
    assertThat(again.err()).containsPattern("\\(validated 0 of (\\d+) app and umbrella renders, \\1 from cache\\)");
    CliRun noCache = CliRun.of("generate-all", "--repo", repo.toString(), "--no-cache");
    assertThat(noCache.exitCode()).as(noCache.err()).isZero();
    assertThat(noCache.err()).contains("policy rules").doesNotContain("from cache");
    assertThat(contents(repo)).as("the charts are the same with and without the cache").isEqualTo(charts);
  }

  @Test
  void afterAnEdit_chartsTakenFromTheRenderMemo_areByteIdenticalToAGenerationWithoutAnyCache() throws IOException {
    Path cached = CliRepos.copyOfExample("shop", temp.resolve("cached"));
    Path fresh = CliRepos.copyOfExample("shop", temp.resolve("fresh"));
    assertThat(CliRun.of("generate-all", "--repo", cached.toString(), "--quiet").exitCode()).isZero();
    Path spec = cached.resolve("apps/cart/app.yaml");
    String edited = Files.readString(spec).replaceFirst("version: ([0-9.]+)", "version: 9.9.9");
    Files.writeString(spec, edited);
    Files.writeString(fresh.resolve("apps/cart/app.yaml"), edited);

    CliRun again = CliRun.of("generate-all", "--repo", cached.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    // cart, and the three apps whose specs refer to another app's Service (always rendered).
    assertThat(again.err()).as("only the edited app and the referring ones render")
        .contains("4 app charts and the umbrella chart rendered");
    CliRun noCache = CliRun.of("generate-all", "--repo", fresh.toString(), "--no-cache", "--quiet");
    assertThat(noCache.exitCode()).as(noCache.err()).isZero();
    assertThat(contents(cached)).isEqualTo(contents(fresh));
  }

  private static List<String> contents(Path repo) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    for (String file : CliRepos.listing(repo)) {
      Path path = repo.resolve(file);
      if (Files.isRegularFile(path)) {
        out.add(file + "\n" + Files.readString(path));
      }
    }
    return out;
  }

  private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

  @Test
  void check_whenTheSpecChangedButChartsDidNot_exitsTwoAndNamesTheStaleFiles() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet").exitCode()).isZero();
    Files.writeString(repo.resolve("apps/hello/instances/dev.yaml"), "version: 1.0.1\n");
    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--quiet");
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("umbrella-chart/values-dev.yaml: differs from what the specs generate",
        "generated charts are stale");
    assertThat(check.out()).contains("environment dev: 0 added, 3 changed, 0 removed",
        "spec.template.spec.containers[web].image: localhost:5000/hello-web:1.0.0 -> localhost:5000/hello-web:1.0.1");
    CliRun markdown = CliRun.of("diff", "--repo", repo.toString(), "--env", "dev", "--output", "markdown");
    assertThat(markdown.exitCode()).isZero();
    assertThat(markdown.out()).contains("<b>dev</b>: 0 added, 3 changed, 0 removed", "| changed | `Deployment platform/hello-web` |");
  }

  @Test
  void generateAll_whenARenderedManifestIsInvalid_reportsTheSpecAndWritesNothing() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    CliRepos.addInvalidServiceBlueprint(repo);
    List<String> before = CliRepos.listing(repo);
    CliRun run = CliRun.of("generate-all", "--repo", repo.toString(), "--quiet");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("apps/hello/app.yaml:", "components.web: Service hello-web-extra",
        "spec.portz: unknown field", "nothing was written");
    assertThat(CliRepos.listing(repo)).isEqualTo(before);
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void generateAll_whenABlueprintRecursesOrRunsAway_exitsOneAtItsLineAndWritesNothing() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    Path blueprint = repo.resolve("templates/webapp/extra.yaml.j2");
    Files.createDirectories(blueprint.getParent());
    Files.writeString(blueprint, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.name ]]-deep
        [% macro deeper(n) %][[ n ]] [[ deeper(n + 1) ]][% endmacro %]
        data:
          numbers: "[[ deeper(0) ]]"
        """);
    List<String> before = CliRepos.listing(repo);

    CliRun recursion = CliRun.of("generate-all", "--repo", repo.toString(), "--quiet");

    assertThat(recursion.exitCode()).as(recursion.err()).isEqualTo(1);
    assertThat(recursion.err()).contains("templates/webapp/extra.yaml.j2:5:", "macro 'deeper'", "recursion");
    assertThat(CliRepos.listing(repo)).isEqualTo(before);

    Files.writeString(blueprint, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.name ]]-loops
        [% for a in range(1000) %][% for b in range(1000) %][% for c in range(1000) %][% set last = c %][% endfor %][% endfor %][% endfor %]
        """);
    CliRun loops = CliRun.of("generate-all", "--repo", repo.toString(), "--quiet");

    assertThat(loops.exitCode()).as(loops.err()).isEqualTo(1);
    assertThat(loops.err()).contains("templates/webapp/extra.yaml.j2:5:", "budget");
    assertThat(CliRepos.listing(repo)).isEqualTo(before);
  }

  @Test
  void generate_oneApp_rejectsAnUnknownApp() throws IOException {
    Path repo = CliRepos.copyOfExample("shop", temp);
    CliRun run = CliRun.of("generate", "strorefront", "--repo", repo.toString(), "--quiet");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("'strorefront' is not an app of this repo", "did you mean 'storefront'?");
    assertThat(repo.resolve("charts")).doesNotExist();
  }

  @Test
  void sync_packagesTheUmbrellaDependenciesAndLintsEveryEnvironment() throws IOException {
    Path repo = CliRepos.copyOfExample("shop", temp);
    assertThat(CliRun.of("sync", "--repo", repo.toString()).exitCode()).isEqualTo(1);
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet", "--skip-validation").exitCode()).isZero();
    CliRun sync = CliRun.of("sync", "--repo", repo.toString());
    assertThat(sync.exitCode()).as(sync.err()).isZero();
    assertThat(sync.out()).contains("packaged 11 charts", "lint --strict ok with values-prod.yaml");
    assertThat(repo.resolve("umbrella-chart/charts/storefront-0.1.0.tgz")).exists();
    assertThat(CliRun.of("check", "--repo", repo.toString(), "--quiet").exitCode()).as("helm's output is not ours").isZero();
  }

  @Test
  void sync_whenTheSpecsAreInvalid_packagesNothingAndNamesTheSpecLine() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet", "--skip-validation").exitCode()).isZero();
    Path app = repo.resolve("apps/hello/app.yaml");
    Files.writeString(app, Files.readString(app).replace("port: 8080", "port: 70000"));

    CliRun sync = CliRun.of("sync", "--repo", repo.toString());

    assertThat(sync.exitCode()).isEqualTo(1);
    assertThat(sync.err()).contains("apps/hello/app.yaml:9:", "70000", "sync packages");
    assertThat(repo.resolve("umbrella-chart/charts")).doesNotExist();
  }

  @Test
  void thisRepositorysOwnCharts_areWhatItsSpecsGenerate() {
    CliRun check = CliRun.of("check", "--repo", CliRepos.projectRoot().toString(), "--quiet");
    assertThat(check.exitCode()).as("charts/ and umbrella-chart/ are stale; run make generate-all:%n%s%s",
        check.out(), check.err()).isZero();
  }
}
