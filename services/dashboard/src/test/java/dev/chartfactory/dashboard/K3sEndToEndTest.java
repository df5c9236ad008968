package dev.chartfactory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.Eventually;
import dev.chartfactory.dashboard.support.TestPostgres;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard against a real API server (K3s in Docker) and a real Postgres: a Deployment is
 * created, scaled and deleted, and the API follows each step. Informers, leader election (a real
 * Lease) and the writer run as they do in a cluster; only the app runs in this JVM instead of a
 * pod, so no image has to be built or published. Without Docker the test is skipped before any
 * image is pulled or anything is started.
 */
class K3sEndToEndTest {

  /** Kubernetes 1.30, the version the manifests are validated against; same as the CLI's test. */
  private static final DockerImageName K3S = DockerImageName.parse("rancher/k3s:v1.30.6-k3s1");

  /** K3s 1.30's own sandbox image: already pulled for its first pod; a container that just waits. */
  private static final String IMAGE = "rancher/mirrored-pause:3.6";

  private static final String NAMESPACE = "e2e";
  private static final String DEPLOYMENT = "pause";
  private static final String TOKEN = "e2e-token";
  /** Covers a cold image pull on a slow runner; a warm run takes seconds. */
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void deploymentCreatedScaledAndDeleted_apiReportsItsPodsAtEveryStep() throws IOException {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      Assumptions.abort("Docker not available: the k3s end-to-end test runs where Docker runs");
    }
    try (K3sContainer k3s = new K3sContainer(K3S)) {
      k3s.start();
      Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), k3s.getKubeConfigYaml());
      try (KubernetesClient kube =
          new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build()) {
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
            .create();
        try (ConfigurableApplicationContext app = startDashboard(kubeconfig)) {
          createScaleDelete(kube, new Api(app.getEnvironment().getProperty("local.server.port")));
        }
      }
    }
  }

  private static void createScaleDelete(KubernetesClient kube, Api api) {
    Eventually.within(WAIT, () -> assertThat(api.status("/ready")).isEqualTo(200));

    // When: a deployment with one replica is created
    kube.apps().deployments().inNamespace(NAMESPACE).resource(deployment(1)).create();

    // Then: its pod runs, the deployment is ready, and the leader recorded the pod in Postgres
    Eventually.within(WAIT, () -> {
      assertThat(podStatuses(api)).containsExactly("Running");
      assertDeployment(api, 1);
    });
    String firstPod = api.json("/api/pods?namespace=" + NAMESPACE).get(0).get("name").asString();
    Eventually.within(WAIT, () -> assertThat(history(api, firstPod)).contains("Running"));
    JsonNode deployment = api.json("/api/deployments?namespace=" + NAMESPACE).get(0);
    assertThat(deployment.get("chart").asString()).isEqualTo("pause-0.1.0");
    assertThat(deployment.get("chartVersion").asString()).isEqualTo("0.1.0");

    // When: it is scaled to three
    kube.apps().deployments().inNamespace(NAMESPACE).withName(DEPLOYMENT).scale(3);

    // Then
    Eventually.within(WAIT, () -> {
      assertThat(podStatuses(api)).containsExactly("Running", "Running", "Running");
      assertDeployment(api, 3);
    });
    JsonNode stats = api.json("/api/stats?namespace=" + NAMESPACE);
    assertThat(stats.get("runningPods").asInt()).isEqualTo(3);
    assertThat(stats.get("totalDeployments").asInt()).isEqualTo(1);

    // When: it is deleted
    kube.apps().deployments().inNamespace(NAMESPACE).withName(DEPLOYMENT).delete();

    // Then: deployment and pods leave the API, and Postgres keeps how the first pod went
    Eventually.within(WAIT, () -> {
      assertThat(api.json("/api/deployments?namespace=" + NAMESPACE)).isEmpty();
      assertThat(podStatuses(api)).isEmpty();
    });
    Eventually.within(WAIT, () -> assertThat(history(api, firstPod)).contains("Running", "Deleted"));
  }

  /**
   * The app as a workstation runs it, with the current kubeconfig (Fabric8 reads the
   * {@code kubeconfig} system property as it reads KUBECONFIG, and a test cannot set the latter),
   * leader election on, against a fresh database on the shared embedded Postgres.
   */
  private static ConfigurableApplicationContext startDashboard(Path kubeconfig) {
    String database = TestPostgres.shared().createDatabase("e2e");
    String previous = System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
    try {
      return new SpringApplicationBuilder(DashboardApplication.class).run(
          "--server.address=127.0.0.1",
          "--server.port=0",
          "--spring.datasource.url=" + database,
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=",
          "--dashboard.namespaces=" + NAMESPACE,
          "--dashboard.auth.token=" + TOKEN,
          "--dashboard.leader-election.identity=e2e-test");
    } finally {
      if (previous == null) {
        System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
      } else {
        System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, previous);
      }
    }
  }

  /** With the labels the generator stamps, so the API's chart columns are checked too. */
  private static Deployment deployment(int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(DEPLOYMENT).addToLabels("helm.sh/chart", "pause-0.1.0").endMetadata()
        .withNewSpec().withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", DEPLOYMENT).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", DEPLOYMENT).endMetadata()
        .withNewSpec().withTerminationGracePeriodSeconds(1L)
        .addNewContainer().withName("pause").withImage(IMAGE).endContainer()
        .endSpec().endTemplate().endSpec()
        .build();
  }

  private static List<String> podStatuses(Api api) {
    List<String> statuses = new ArrayList<>();
    api.json("/api/pods?namespace=" + NAMESPACE).forEach(pod -> statuses.add(pod.get("status").asString()));
    return statuses;
  }

  private static void assertDeployment(Api api, int replicas) {
    JsonNode deployments = api.json("/api/deployments?namespace=" + NAMESPACE);
    assertThat(deployments).hasSize(1);
    JsonNode deployment = deployments.get(0);
    assertThat(deployment.get("name").asString()).isEqualTo(DEPLOYMENT);
    assertThat(deployment.get("replicas").asInt()).isEqualTo(replicas);
    assertThat(deployment.get("ready").asInt()).isEqualTo(replicas);
    assertThat(deployment.get("available").asInt()).isEqualTo(replicas);
  }

  /** The statuses recorded in Postgres for {@code pod}, oldest first. */
  private static List<String> history(Api api, String pod) {
    List<String> statuses = new ArrayList<>();
    api.json("/api/pods/history?namespace=" + NAMESPACE + "&pod=" + pod + "&size=500")
        .get("items").forEach(item -> statuses.add(0, item.get("status").asString()));
    return statuses;
  }

  /** The dashboard's HTTP API on 127.0.0.1, with the bearer token. */
  private record Api(String port) {

    int status(String path) {
      return send(path).statusCode();
    }

    JsonNode json(String path) {
      HttpResponse<String> response = send(path);
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + path + " -> " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", "Bearer " + TOKEN)
          .timeout(Duration.ofSeconds(10))
          .build();
      try {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException("GET " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("GET " + path, e);
      }
    }
  }
}
