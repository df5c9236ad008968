package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --base}: a pull request's checkout compared with its target branch. Only apps
 * whose specs or charts changed since the base are rendered; the object diff says what the pull
 * request changes in each environment; stale or hand-edited charts still fail.
 */
class PullRequestCheckTest {

  private static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.com");
  private static final String STOREFRONT_PROD = "apps/storefront/instances/prod.yaml";

  @TempDir Path temp;
  private Path repo;

  @BeforeEach
  void mainWithGeneratedCharts() throws Exception {
    CliRepos.requireHelm();
    repo = CliRepos.copyOfExample("shop", temp);
    CliRun generate = CliRun.of("generate-all", "--repo", repo.toString(), "--quiet");
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
      commitAll(git, "Shop with its charts");
      git.checkout().setCreateBranch(true).setName("pr").call();
    }
  }

  @Test
  void oneAppChangedAndRegenerated_rendersOnlyThatApp_andPrintsWhatThePullRequestChanges() throws Exception {
    Files.writeString(repo.resolve(STOREFRONT_PROD), Files.readString(repo.resolve(STOREFRONT_PROD))
        .replace("version: 2.3.1", "version: 2.4.0"));
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet").exitCode()).isZero();
    commit("storefront 2.4.0 in prod");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.err()).contains("[base] 1 app changed since main (",
        "[render] 1 app chart and the umbrella chart rendered");
    assertThat(check.out()).contains("changes since main (", "environment dev: no changes",
        "environment prod: 0 added, ", "storefront-web", "image: localhost:5000/shop/storefront:2.3.1 -> localhost:5000/shop/storefront:2.4.0",
        "up to date: charts match the specs");
    assertThat(check.out()).doesNotContain("checkout-", "search-");
  }

  @Test
  void aChangeOfGlobalValuesOnly_listsTheAffectedObjectsOfEveryApp() throws Exception {
    Path factory = repo.resolve("factory.yaml");
    Files.writeString(factory, Files.readString(factory).replace("registry: localhost:5000", "registry: registry.example.com"));
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet").exitCode()).isZero();
    commit("images from registry.example.com");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).as(check.err()).isZero();
    for (String app : List.of("admin", "cart", "catalog-api", "checkout", "notifications", "orders", "payments", "reports", "storefront")) {
      assertThat(check.out()).as(app).contains("localhost:5000/shop/" + app + ":")
          .contains("registry.example.com/shop/" + app + ":");
    }
  }

  @Test
  void calleePortChangedWithoutRegenerating_rendersItsCallers_andReportsTheirChartsStale() throws Exception {
    // storefront's CATALOG_URL is ${ref:catalog.api.http:url}: its chart holds catalog's port
    Path catalog = repo.resolve("apps/catalog/app.yaml");
    Files.writeString(catalog, Files.readString(catalog).replace("{name: http, port: 8080, protocol: http}",
        "{name: http, port: 8081, protocol: http}"));
    commit("catalog API on 8081");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("[base] 1 app changed since main (", "), and 1 app refers to them",
        "charts/storefront/values.yaml: differs from what the specs generate");
    assertThat(check.out()).contains("env[CATALOG_URL].value: http://catalog-api.shop-catalog.svc:8080"
        + " -> http://catalog-api.shop-catalog.svc:8081  (${ref:catalog.api.http:url})");
  }

  @Test
  void chartsGeneratedWithoutValidation_failTheChecksOfWhatChanged_exitTwo() throws Exception {
    // Only the Kubernetes schemas catch it, and generate-all's validation was skipped.
    CliRepos.addInvalidServiceBlueprint(repo);
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet").exitCode()).isEqualTo(1);
    CliRun generate = CliRun.of("generate-all", "--repo", repo.toString(), "--quiet", "--skip-validation");
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    commit("An extra Service per web app, generated without validation");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(2);
    assertThat(check.out()).contains("+ Service storefront-web-extra");
    assertThat(check.err()).contains("the generated charts fail validation", "apps/storefront/app.yaml:",
        "Service storefront-web-extra", "in environment prod", "spec.portz: unknown field");
    assertThat(check.err()).doesNotContain("stale");
  }

  @Test
  void specChangedButChartsNotRegenerated_exitsTwoNamingTheStaleFile() throws Exception {
    Files.writeString(repo.resolve(STOREFRONT_PROD), Files.readString(repo.resolve(STOREFRONT_PROD))
        .replace("version: 2.3.1", "version: 2.4.0"));

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main", "--output", "markdown");

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("umbrella-chart/values-prod.yaml: differs from what the specs generate",
        "generated charts are stale");
    assertThat(check.out()).contains("Compared with `main (", "| changed | `Deployment");
  }

  @Test
  void generatedChartEditedByHand_isRenderedAndReportedStale() throws Exception {
    Path values = repo.resolve("charts/search/values.yaml");
    Files.writeString(values, Files.readString(values).replace("replicas: 1", "replicas: 3"));
    commit("A quick fix in the chart");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("[base] 1 app changed since main",
        "charts/search/values.yaml: differs from what the specs generate");
  }

  @Test
  void umbrellaValuesOfAnUntouchedAppEditedByHand_isReportedStale() throws Exception {
    Path values = repo.resolve("umbrella-chart/values-prod.yaml");
    String text = Files.readString(values);
    int search = text.indexOf("\nsearch:\n");
    assertThat(search).isPositive();
    Files.writeString(values, text.substring(0, search) + "\nsearch:\n  enabled: false\n"
        + text.substring(text.indexOf("\n", search + "\nsearch:\n  enabled: true".length()) + 1));
    commit("Switch search off in prod by hand");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("[base] 0 apps changed since main",
        "umbrella-chart/values-prod.yaml: differs from what the specs generate");
  }

  @Test
  void sharedInputChanged_rendersEveryApp() throws Exception {
    Files.writeString(repo.resolve("factory.yaml"), Files.readString(repo.resolve("factory.yaml")) + "# reviewed\n");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.err()).contains("[base] every app (factory.yaml changed) since main",
        "[render] 11 app charts and the umbrella chart rendered");
  }

  @Test
  void unrelatedFilesChanged_rendersNoAppChart() throws Exception {
    Files.writeString(repo.resolve("README.md"), "notes that are not specs\n");

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.err()).contains("[base] 0 apps changed since main", "[render] 0 app charts and the umbrella chart rendered");
    assertThat(check.out()).contains("environment prod: no changes");
  }

  @Test
  void appRemovedButItsChartKept_exitsTwo() throws Exception {
    CliRepos.deleteTree(repo.resolve("apps/reports"));

    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "main");

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("charts/reports/Chart.yaml: is no longer generated (would be removed)");
    assertThat(check.out()).contains("  - ", "reports");
  }

  @Test
  void missingBase_exitsThreeNamingTheRef() {
    CliRun check = CliRun.of("check", "--repo", repo.toString(), "--base", "no-such-branch");

    assertThat(check.exitCode()).isEqualTo(3);
    assertThat(check.err()).contains("ref 'no-such-branch' not found", "branches include: main, pr");
  }

  @Test
  void notAGitRepository_exitsThreeSayingWhy() {
    Path plain = CliRepos.copyOfExample("small", temp.resolve("plain"));

    CliRun check = CliRun.of("check", "--repo", plain.toString(), "--base", "main");

    assertThat(check.exitCode()).isEqualTo(3);
    assertThat(check.err()).contains("is not inside a Git repository", "check --base need one");
  }

  private void commit(String message) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      commitAll(git, message);
    }
  }

  private static void commitAll(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    git.commit().setAuthor(TESTER).setCommitter(TESTER).setMessage(message).call();
  }
}
