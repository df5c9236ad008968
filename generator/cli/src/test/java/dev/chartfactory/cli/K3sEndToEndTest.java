package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * deploy → change → deploy → rollback against a real API server (K3s in Docker). The images of
 * examples/small are not published, so deploys run with --no-wait and the test checks the
 * objects, not running pods. Without Docker the test is skipped before any image is pulled.
 */
class K3sEndToEndTest {

  /** Kubernetes 1.30, the version the manifests are validated against. */
  private static final DockerImageName K3S = DockerImageName.parse("rancher/k3s:v1.30.6-k3s1");

  @TempDir Path temp;

  @Test
  void deployChangeDeployRollback_recordsThreeRevisionsAndTheOperationLog() throws Exception {
    CliRepos.requireHelm();
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      Assumptions.abort("Docker not available: the k3s end-to-end test runs where Docker runs");
    }
    try (K3sContainer k3s = new K3sContainer(K3S)) {
      k3s.start();
      Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), k3s.getKubeConfigYaml());
      Path repo = CliRepos.copyOfExample("small", temp);
      // The cert-manager issuer chain needs cert-manager's CRDs, which a bare K3s does not have.
      Path factory = repo.resolve("factory.yaml");
      Files.writeString(factory, Files.readString(factory).replace("enabled: true", "enabled: false"));

      deploy(repo, kubeconfig);
      assertThat(deploymentReplicas(k3s)).isEqualTo("1");

      Files.writeString(repo.resolve("apps/hello/instances/dev.yaml"),
          "version: 1.0.0\ncomponents:\n  web: {replicas: 2}\n");
      deploy(repo, kubeconfig);
      assertThat(deploymentReplicas(k3s)).isEqualTo("2");

      CliRun rollback = CliRun.of("rollback", "--to", "1", "--no-wait", "--repo", repo.toString(),
          "--kubeconfig", kubeconfig.toString());
      assertThat(rollback.exitCode()).as(rollback.err()).isZero();
      assertThat(rollback.out()).contains("to revision 1: now revision 3, deployed");
      assertThat(deploymentReplicas(k3s)).isEqualTo("1");

      CliRun missing = CliRun.of("rollback", "--to", "9", "--repo", repo.toString(),
          "--kubeconfig", kubeconfig.toString());
      assertThat(missing.exitCode()).isEqualTo(3);
      assertThat(missing.err()).contains("revision 9 does not exist (revisions: 1, 2, 3)");

      CliRun history = CliRun.of("history", "--repo", repo.toString(), "--kubeconfig", kubeconfig.toString());
      assertThat(history.exitCode()).as(history.err()).isZero();
      assertThat(history.out().lines()).hasSize(4);
      assertThat(history.out()).contains("Rollback to 1");
      assertThat(Files.readAllLines(repo.resolve(".factory/operations.jsonl")))
          .extracting(line -> line.replaceAll(".*\"operation\":\"(\\w+)\".*\"revision\":(\\w+).*\"result\":\"(\\w+)\".*", "$1 $2 $3"))
          .containsExactly("deploy 1 ok", "deploy 2 ok", "rollback 3 ok", "rollback 3 failed");
    }
  }

  private static void deploy(Path repo, Path kubeconfig) {
    CliRun run = CliRun.of("deploy", "--env", "dev", "--no-wait", "--quiet", "--repo", repo.toString(),
        "--kubeconfig", kubeconfig.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static String deploymentReplicas(K3sContainer k3s) throws IOException, InterruptedException {
    Container.ExecResult result = k3s.execInContainer("kubectl", "get", "deployment", "-n", "platform",
        "-l", "app.kubernetes.io/instance=platform", "-o", "jsonpath={.items[*].spec.replicas}");
    assertThat(result.getExitCode()).as(result.getStderr()).isZero();
    return result.getStdout().strip();
  }
}
