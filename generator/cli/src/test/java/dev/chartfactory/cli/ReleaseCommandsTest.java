package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.api.ReleaseHistory;
import dev.chartfactory.core.api.ReleaseOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy, status, history, rollback and uninstall through the real entry point, without a
 * cluster: a kubeconfig pointing at a port where nothing listens, and offline dry runs.
 */
class ReleaseCommandsTest {

  @TempDir Path temp;

  private Path deadClusterKubeconfig() throws IOException {
    return Files.writeString(temp.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: nowhere
          cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}
        contexts:
        - name: nowhere
          context: {cluster: nowhere, user: nobody}
        current-context: nowhere
        users:
        - name: nobody
          user: {token: not-a-token}
        """);
  }

  private static List<String> logLines(Path repo) throws IOException {
    Path log = repo.resolve(".factory/operations.jsonl");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static List<String> withoutLog(List<String> listing) {
    return listing.stream().filter(path -> !path.startsWith(".factory")).toList();
  }

  @Test
  void deploy_whenNoClusterAnswers_exitsThreeWritesNoChartsAndLogsTheFailure() throws IOException {
    CliRepos.requireHelm();
    Path repo = CliRepos.copyOfExample("small", temp);
    List<String> before = CliRepos.listing(repo);

    CliRun run = CliRun.of("deploy", "--env", "dev", "--repo", repo.toString(), "--quiet",
        "--kubeconfig", deadClusterKubeconfig().toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains("no cluster reachable at https://127.0.0.1:1: check KUBECONFIG / kubectl cluster-info");
    assertThat(repo.resolve("charts")).doesNotExist();
    assertThat(repo.resolve("umbrella-chart")).doesNotExist();
    assertThat(withoutLog(CliRepos.listing(repo))).isEqualTo(before);
    assertThat(logLines(repo)).singleElement().asString()
        .contains("\"operation\":\"deploy\"", "\"environment\":\"dev\"", "\"release\":\"platform\"",
            "\"namespace\":\"platform\"", "\"dryRun\":false", "\"result\":\"failed\"", "no cluster reachable");
  }

  @Test
  void statusHistoryRollback_whenNoClusterAnswers_exitThreeWithTheServer() throws IOException {
    CliRepos.requireHelm();
    Path repo = CliRepos.copyOfExample("small", temp);
    String kubeconfig = deadClusterKubeconfig().toString();

    for (List<String> command : List.of(List.of("status"), List.of("history"), List.of("rollback", "--to", "1"),
        List.of("uninstall", "--yes"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--repo", repo.toString(), "--kubeconfig", kubeconfig));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(command + ": " + run.err()).isEqualTo(3);
      assertThat(run.err()).as(command.toString()).contains("no cluster reachable at https://127.0.0.1:1");
    }
    // status and history only read; rollback and uninstall are operations, logged even when they fail
    assertThat(logLines(repo)).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"result\":\"failed\""));
  }

  @Test
  void deployDryRun_rendersOfflineListsKindsAndLeavesTheRepoAsItWas() throws IOException {
    CliRepos.requireHelm();
    Path repo = CliRepos.copyOfExample("small", temp);
    List<String> before = CliRepos.listing(repo);

    CliRun run = CliRun.of("deploy", "--env", "dev", "--dry-run", "--repo", repo.toString(), "--quiet",
        "--kubeconfig", deadClusterKubeconfig().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("dry run: helm upgrade --install platform -n platform -f values-dev.yaml",
        "(cluster not contacted)", "Deployment", "Service", "ClusterIssuer");
    assertThat(CliRepos.listing(repo)).as("a dry run leaves no trace, not even in the operation log").isEqualTo(before);

    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet", "--skip-validation").exitCode()).isZero();
    List<String> generated = CliRepos.listing(repo);
    CliRun skipGenerate = CliRun.of("deploy", "--env", "dev", "--dry-run", "--skip-generate", "--repo", repo.toString(),
        "--quiet", "--kubeconfig", deadClusterKubeconfig().toString());
    assertThat(skipGenerate.exitCode()).as(skipGenerate.err()).isZero();
    assertThat(skipGenerate.out()).contains("(cluster not contacted)", "Deployment");
    assertThat(CliRepos.listing(repo)).as("helm dependency build ran in a scratch copy").isEqualTo(generated);
  }

  @Test
  void clusterCommands_withEnv_talkToThatEnvironmentsKubeContext_inItsKubeconfig() throws IOException {
    CliRepos.requireHelm();
    Path repo = CliRepos.copyOfExample("small", temp);
    Path kubeconfig = Files.writeString(temp.resolve("two-clusters.yaml"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: here
          cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}
        - name: prod-eu
          cluster: {server: "https://127.0.0.1:2", insecure-skip-tls-verify: true}
        contexts:
        - name: here
          context: {cluster: here, user: nobody}
        - name: prod-eu-admin
          context: {cluster: prod-eu, user: nobody}
        current-context: here
        users:
        - name: nobody
          user: {token: not-a-token}
        """);
    Path dev = repo.resolve("environments/dev.yaml");
    Files.writeString(dev, Files.readString(dev) + "cluster: {name: prod-eu, kubeContext: prod-eu-admin, kubeconfig: '"
        + kubeconfig + "'}\n");

    CliRun withEnv = CliRun.of("status", "--env", "dev", "--repo", repo.toString());
    assertThat(withEnv.exitCode()).isEqualTo(3);
    assertThat(withEnv.err()).contains("no cluster reachable at https://127.0.0.1:2");

    CliRun currentContext = CliRun.of("history", "--repo", repo.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(currentContext.err()).contains("no cluster reachable at https://127.0.0.1:1");

    CliRun deploy = CliRun.of("deploy", "--env", "dev", "--repo", repo.toString(), "--quiet");
    assertThat(deploy.exitCode()).isEqualTo(3);
    assertThat(deploy.err()).contains("https://127.0.0.1:2");
  }

  @Test
  void deploy_whenHelmIsMissing_exitsThreeWithTheInstallHint() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    String saved = System.getProperty("helm.binary");
    System.setProperty("helm.binary", temp.resolve("no/such/helm").toString());
    try {
      CliRun run = CliRun.of("deploy", "--env", "dev", "--repo", repo.toString(), "--quiet",
          "--kubeconfig", deadClusterKubeconfig().toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err()).contains("does not exist or is not executable", "scripts/install-helm.sh");
      assertThat(repo.resolve("charts")).doesNotExist();
      assertThat(logLines(repo)).singleElement().asString().contains("\"result\":\"failed\"", "install-helm.sh");
    } finally {
      if (saved == null) {
        System.clearProperty("helm.binary");
      } else {
        System.setProperty("helm.binary", saved);
      }
    }
  }

  @Test
  void deploy_whenTheEnvironmentIsUnknown_exitsOneWithASuggestion() {
    Path repo = CliRepos.copyOfExample("small", temp);

    CliRun run = CliRun.of("deploy", "--env", "dve", "--repo", repo.toString(), "--dry-run");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("'dve' is not an environment (expected one of: dev)", "dev");
  }

  @Test
  void deploy_whenTheEnvironmentIsUnknown_reportsAUsageErrorWithTheSynopsis_notASpecProblem() {
    Path repo = CliRepos.copyOfExample("small", temp);

    CliRun run = CliRun.of("deploy", "--env", "dve", "--repo", repo.toString(), "--dry-run");

    assertThat(run.err()).contains("error: deploy: --env: 'dve' is not an environment", "did you mean 'dev'?",
        "usage: factory deploy --env ENV [--repo DIR|URL]");
    assertThat(run.err()).doesNotContain("<command line>", "spec file");
  }

  @Test
  void deploy_whenAnOptionIsUnknown_reportsAUsageErrorWithTheSynopsis() {
    CliRun run = CliRun.of("deploy", "--envv", "dev");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error: deploy: unknown option '--envv'; did you mean '--env'?",
        "usage: factory deploy --env ENV");
  }

  @Test
  void deploy_whenTheTimeoutIsNotADuration_exitsOne() {
    Path repo = CliRepos.copyOfExample("small", temp);

    CliRun run = CliRun.of("deploy", "--env", "dev", "--repo", repo.toString(), "--timeout", "ten minutes");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--timeout: 'ten minutes' is not a duration");
    assertThat(ReleaseCommands.parseTimeout("1h30m")).hasMinutes(90);
  }

  @Test
  void historyTable_showsEachRevisionWithWhoWhenAndCommit() {
    ReleaseOperation deploy = new ReleaseOperation("deploy", "dev", "ana", "2026-11-20T09:00:00Z",
        "7528a1b0123456789abcdef0123456789abcdef0");
    ReleaseHistory history = new ReleaseHistory("platform", "platform", List.of(
        new ReleaseHistory.Revision(1, "2026-11-20T09:00:00.1+00:00", "superseded", "platform-0.1.0", "",
            "Install complete", deploy),
        new ReleaseHistory.Revision(2, "2026-11-21T09:00:00.1+00:00", "deployed", "platform-0.1.0", "",
            "Upgrade complete", null)));

    String table = ReleaseFormats.historyTable(history);

    assertThat(table.lines()).hasSize(3);
    assertThat(table.lines().toList().get(1)).contains("1", "superseded", "ana", "2026-11-20T09:00:00Z",
        "7528a1b01234", "Install complete");
    assertThat(table.lines().toList().get(2)).contains("deployed", "Upgrade complete", "-");
  }
}
