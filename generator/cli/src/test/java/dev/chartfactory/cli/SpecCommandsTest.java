package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCommandsTest {

  @TempDir Path temp;




  @Test
  void validate_onTheShopExample_succeeds() {
    CliRun run = CliRun.of("validate", "--repo", CliRepos.projectRoot().resolve("examples/shop").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("valid: 11 apps, 15 components, 3 environments, 31 instances");
    assertThat(run.err()).contains("[load] reading specs from");
  }

  @Test
  void validate_refusesADescriptionHelmWouldRewrite_atItsLine() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    Path app = repo.resolve("apps/hello/app.yaml");
    Files.writeString(app, Files.readString(app).replace("description: A hello-world web app", "description: \"a\\u00a0b\\tc\""));
    CliRun run = CliRun.of("validate", "--specs-only", "--repo", repo.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("apps/hello/app.yaml:", "description:", "plain spaces");
  }

  @Test
  void validate_whenSpecsAreInvalid_printsEveryProblemAndExitsOne() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    Files.writeString(repo.resolve("apps/hello/app.yaml"), """
        name: hello
        components:
          web:
            type: webap
            image: hello
            port: 70000
        """);
    CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--quiet");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(
        "apps/hello/app.yaml:4:11: components.web.type: \"webap\" is not allowed (expected one of: webapp, worker, cron, stateful); did you mean 'webapp'?",
        "apps/hello/app.yaml:6:11: components.web.port: 70000 is out of range (expected 1-65535)",
        "2 problems in 1 spec file");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownCommandAndOption_areErrorsWithHints() {
    CliRun command = CliRun.of("valdate");
    assertThat(command.exitCode()).isEqualTo(1);
    assertThat(command.err()).contains("unknown command 'valdate'; did you mean 'validate'?");
    CliRun option = CliRun.of("validate", "--rpo", ".");
    assertThat(option.exitCode()).isEqualTo(1);
    assertThat(option.err()).contains("unknown option '--rpo'");
  }

  @Test
  void newApp_writesValidSpecsForEveryEnvironment() throws IOException {
    Path repo = CliRepos.copyOfExample("shop", temp);
    CliRun run = CliRun.of("new", "app", "inventory", "--type", "worker", "--component", "sync",
        "--repo", repo.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote apps/inventory/app.yaml", "wrote apps/inventory/instances/prod.yaml");
    assertThat(repo.resolve("apps/inventory/instances/staging.yaml")).exists();
    assertThat(CliRun.of("validate", "--repo", repo.toString(), "--quiet").out())
        .contains("valid: 12 apps, 16 components");
  }

  @Test
  void newApp_appendsWhatTheRepoGitIgnoreLacks_keepingTheUsersLines() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    Files.writeString(repo.resolve(".gitignore"), "# ours\n.factory/\n");

    CliRun first = CliRun.of("new", "app", "inventory", "--repo", repo.toString());
    CliRun second = CliRun.of("new", "app", "billing", "--repo", repo.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("wrote .gitignore");
    assertThat(Files.readString(repo.resolve(".gitignore"))).isEqualTo("""
        # ours
        .factory/

        # Chart Factory: helm dependency build output (make sync) and the tool's local state
        umbrella-chart/charts/
        umbrella-chart/Chart.lock
        umbrella-chart/tmpcharts/
        """);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).doesNotContain(".gitignore");
  }

  @Test
  void newApp_withPathTraversalName_writesNothing() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    List<String> before = CliRepos.listing(temp);
    CliRun run = CliRun.of("new", "app", "../../etc", "--repo", repo.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("app: '../../etc' is not a valid app name");
    assertThat(CliRepos.listing(temp)).isEqualTo(before);
  }

  @Test
  void newComponent_appendsToTheAppKeepingComments() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    Path appFile = repo.resolve("apps/hello/app.yaml");
    String before = Files.readString(appFile);
    CliRun run = CliRun.of("new", "component", "hello", "nightly", "--type", "cron", "--repo", repo.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String after = Files.readString(appFile);
    assertThat(after).startsWith(before.strip()).contains("  nightly:\n    type: cron\n");
    assertThat(CliRun.of("validate", "--repo", repo.toString()).exitCode()).isZero();
  }

  @Test
  void newComponent_whenItWouldMakeTheRepoInvalid_writesNothing() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    Path appFile = repo.resolve("apps/hello/app.yaml");
    String before = Files.readString(appFile);
    // 'hello-' + 52 characters is past the 52-character limit for a stateful component's name.
    String longName = "s" + "x".repeat(50);
    CliRun run = CliRun.of("new", "component", "hello", longName, "--type", "stateful", "--repo", repo.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("expected at most 52 for a stateful");
    assertThat(Files.readString(appFile)).isEqualTo(before);
  }
}
