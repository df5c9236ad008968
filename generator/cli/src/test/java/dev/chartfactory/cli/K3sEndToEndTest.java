package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * deploy → change → deploy → rollback against a real API server (K3s in Docker). The image of
 * examples/small is not published, so deploys run with --no-wait and hello-web is checked as an
 * object; a second app on a pullable image is added to the copy, and its rollout is awaited after
 * every step. status, history and the operation log must name each revision and the commit it came
 * from. Without Docker the test is skipped before any image is pulled.
 */
class K3sEndToEndTest {

  /** Kubernetes 1.30, the version the manifests are validated against. */
  private static final DockerImageName K3S = DockerImageName.parse("rancher/k3s:v1.30.6-k3s1");

  /** An app that can roll out: K3s 1.30's own sandbox image, already pulled for its first pod. */
  private static final String IDLE_APP = """
      name: idle
      description: Waits; the one workload of this repo whose image K3s can pull
      version: "3.6"
      components:
        pause:
          type: worker
          image: docker.io/rancher/mirrored-pause
          resources:
            requests: {cpu: 10m, memory: 16Mi}
            limits: {memory: 32Mi}
      """;

  private static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.com");

  @TempDir Path temp;

  @Test
  void deployChangeDeployRollback_rollsOutAndReportsEveryRevisionWithItsCommit() throws Exception {
    CliRepos.requireHelm();
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      Assumptions.abort("Docker not available: the k3s end-to-end test runs where Docker runs");
    }
    try (K3sContainer k3s = new K3sContainer(K3S)) {
      k3s.start();
      Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), k3s.getKubeConfigYaml());
      Path repo = testRepo();
      try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
        String first = commitAll(git, "The small example with an idle app");

        // When: the first deploy
        CliRun install = deploy(repo, kubeconfig);

        // Then
        assertThat(install.out()).contains("installed platform in namespace platform with dev: revision 1, deployed");
        assertThat(replicas(k3s, "hello-web")).isEqualTo("1");
        assertRolledOut(k3s, "idle-pause", 1);

        // When: both apps are scaled to two, committed and deployed
        Files.writeString(repo.resolve("apps/hello/instances/dev.yaml"),
            "version: 1.0.0\ncomponents:\n  web: {replicas: 2}\n");
        Files.writeString(repo.resolve("apps/idle/instances/dev.yaml"), "components:\n  pause: {replicas: 2}\n");
        String second = commitAll(git, "Two of each");
        CliRun upgrade = deploy(repo, kubeconfig);

        // Then
        assertThat(upgrade.out()).contains("upgraded platform in namespace platform with dev: revision 2, deployed");
        assertThat(replicas(k3s, "hello-web")).isEqualTo("2");
        assertRolledOut(k3s, "idle-pause", 2);

        // When: rolled back to the first revision
        CliRun rollback = CliRun.of("rollback", "--to", "1", "--no-wait", "--repo", repo.toString(),
            "--kubeconfig", kubeconfig.toString());

        // Then
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("to revision 1: now revision 3, deployed");
        assertThat(replicas(k3s, "hello-web")).isEqualTo("1");
        assertRolledOut(k3s, "idle-pause", 1);

        // When: rolled back to a revision that does not exist
        CliRun missing = CliRun.of("rollback", "--to", "9", "--repo", repo.toString(),
            "--kubeconfig", kubeconfig.toString());

        // Then: refused, and nothing changed
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("revision 9 does not exist (revisions: 1, 2, 3)");

        CliRun status = CliRun.of("status", "--repo", repo.toString(), "--kubeconfig", kubeconfig.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out().lines().toList()).satisfiesExactly(
            line -> assertThat(line).isEqualTo("release platform in namespace platform: deployed, revision 3 (Rollback to 1)"),
            line -> assertThat(line).startsWith("rollback by ").endsWith(" from commit " + second.substring(0, 12)));

        CliRun history = CliRun.of("history", "--repo", repo.toString(), "--kubeconfig", kubeconfig.toString());
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out().lines().skip(1).toList()).satisfiesExactly(
            line -> assertThat(line).startsWith("1 ").contains("superseded", first.substring(0, 12), "Install complete"),
            line -> assertThat(line).startsWith("2 ").contains("superseded", second.substring(0, 12), "Upgrade complete"),
            line -> assertThat(line).startsWith("3 ").contains("deployed", second.substring(0, 12), "Rollback to 1"));

        assertThat(operations(repo)).containsExactly(
            "deploy dev 1 ok " + first + " installed platform in namespace platform with dev: revision 1, deployed",
            "deploy dev 2 ok " + second + " upgraded platform in namespace platform with dev: revision 2, deployed",
            "rollback - 3 ok " + second + " rolled back platform in namespace platform to revision 1: now revision 3, deployed",
            "rollback - 3 failed " + second + " revision 9 does not exist (revisions: 1, 2, 3)");
      }
    }
  }

  /** What the end-to-end test deploys must stay valid where it cannot run: checked with helm alone. */
  @Test
  void testRepo_validatesWithoutACluster() throws IOException {
    CliRepos.requireHelm();
    CliRun validate = CliRun.of("validate", "--repo", testRepo().toString(), "--quiet");
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("valid: 2 apps");
  }

  /** examples/small plus the idle app, without cert-manager. */
  private Path testRepo() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    // The cert-manager issuer chain needs cert-manager's CRDs, which a bare K3s does not have.
    Path factory = repo.resolve("factory.yaml");
    Files.writeString(factory, Files.readString(factory).replace("enabled: true", "enabled: false"));
    Files.createDirectories(repo.resolve("apps/idle/instances"));
    Files.writeString(repo.resolve("apps/idle/app.yaml"), IDLE_APP);
    Files.writeString(repo.resolve("apps/idle/instances/dev.yaml"), "components: {}\n");
    return repo;
  }

  private static String commitAll(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setAuthor(TESTER).setCommitter(TESTER).setMessage(message).call().getName();
  }

  private static CliRun deploy(Path repo, Path kubeconfig) {
    CliRun run = CliRun.of("deploy", "--env", "dev", "--no-wait", "--quiet", "--repo", repo.toString(),
        "--kubeconfig", kubeconfig.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  private static String replicas(K3sContainer k3s, String deployment) throws IOException, InterruptedException {
    return kubectl(k3s, "get", "deployment", deployment, "-n", "platform", "-o", "jsonpath={.spec.replicas}");
  }

  /** Waits for the rollout as kubectl does, then checks that {@code ready} pods are ready. */
  private static void assertRolledOut(K3sContainer k3s, String deployment, int ready)
      throws IOException, InterruptedException {
    kubectl(k3s, "rollout", "status", "deployment/" + deployment, "-n", "platform", "--timeout=180s");
    assertThat(kubectl(k3s, "get", "deployment", deployment, "-n", "platform",
        "-o", "jsonpath={.spec.replicas}/{.status.readyReplicas}")).isEqualTo(ready + "/" + ready);
  }

  private static String kubectl(K3sContainer k3s, String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "kubectl";
    System.arraycopy(args, 0, command, 1, args.length);
    Container.ExecResult result = k3s.execInContainer(command);
    assertThat(result.getExitCode()).as(String.join(" ", command) + ": " + result.getStderr()).isZero();
    return result.getStdout().strip();
  }

  /** Each line of .factory/operations.jsonl as "operation environment revision result commit message". */
  private static List<String> operations(Path repo) throws IOException {
    ObjectMapper json = new ObjectMapper();
    return Files.readAllLines(repo.resolve(".factory/operations.jsonl")).stream()
        .map(json::readTree)
        .map(line -> String.join(" ", text(line, "operation"), text(line, "environment"), text(line, "revision"),
            text(line, "result"), text(line, "commit"), text(line, "message")))
        .toList();
  }

  private static String text(JsonNode line, String field) {
    JsonNode value = line.get(field);
    return value == null || value.isNull() ? "-" : value.asString();
  }
}
