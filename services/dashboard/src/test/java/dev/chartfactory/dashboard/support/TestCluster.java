package dev.chartfactory.dashboard.support;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.Queue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Fabric8's mock API server in CRUD mode on 127.0.0.1, plus helpers to create objects. */
public final class TestCluster implements AutoCloseable {

  private static TestCluster shared;

  private final KubernetesMockServer server;
  private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
  private final KubernetesClient client;

  public TestCluster() {
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), expectations, new KubernetesMixedDispatcher(expectations), false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client = server.createClient();
  }

  /** The JVM-wide mock server. */
  public static synchronized TestCluster shared() {
    if (shared == null) {
      shared = new TestCluster();
    }
    return shared;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** The server, for expectations on what CRUD mode does not serve (logs, metrics). */
  public KubernetesMockServer server() {
    return server;
  }

  /**
   * Answers a pod's log request, exactly as Fabric8 asks for it, with {@code body}; {@code
   * query} is what follows {@code log?pretty=false} (e.g. {@code &tailLines=2&limitBytes=1048576}).
   */
  public void expectLog(String namespace, String pod, String query, String body) {
    server.expect().get()
        .withPath("/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?pretty=false" + query)
        .andReturn(200, body).always();
  }

  public KubernetesClient client() {
    return client;
  }

  /** Creates a pod with {@code phase} on {@code node}. */
  public Pod createPod(String namespace, String name, String phase, String node) {
    return client.pods().inNamespace(namespace).resource(pod(namespace, name, phase, node)).create();
  }

  /** Sets a pod's phase (a status change as the kubelet would report it). */
  public Pod setPhase(String namespace, String name, String phase) {
    return client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
      p.getStatus().setPhase(phase);
      return p;
    });
  }

  public void deletePod(String namespace, String name) {
    client.pods().inNamespace(namespace).withName(name).delete();
  }

  public static Pod pod(String namespace, String name, String phase, String node) {
    return new PodBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).addToLabels("app", "shop").endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("main").withImage("shop:1").endContainer().endSpec()
        .withNewStatus().withPhase(phase).endStatus()
        .build();
  }

  /** Creates a deployment with the labels the generator stamps on its charts. */
  public Deployment createDeployment(String namespace, String name, int replicas, int ready, Map<String, String> labels) {
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata().withNamespace(namespace).withName(name).addToLabels(labels).endMetadata()
            .withNewSpec().withReplicas(replicas)
            .withNewSelector().addToMatchLabels("app", name).endSelector()
            .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
            .withNewSpec().addNewContainer().withName("main").withImage(name + ":1").endContainer().endSpec()
            .endTemplate().endSpec()
            .withNewStatus().withReplicas(replicas).withReadyReplicas(ready).withAvailableReplicas(ready).endStatus()
            .build();
    return client.apps().deployments().inNamespace(namespace).resource(deployment).create();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
