package dev.chartfactory.dashboard.local;

import dev.chartfactory.dashboard.support.TestCluster;
import java.util.Map;

/**
 * {@code make run-dashboard DEMO=true}: Fabric8's mock API server in CRUD mode on 127.0.0.1 with
 * a few deployments and pods, so the page can be tried without a cluster. Everything it shows is
 * made up, and the page says "demo data".
 */
public final class DemoCluster {

  private DemoCluster() {}

  /** Starts a mock server seeded in {@code namespace}. */
  public static TestCluster start(String namespace) {
    TestCluster cluster = new TestCluster();
    seed(cluster, namespace);
    return cluster;
  }

  static void seed(TestCluster cluster, String namespace) {
    String commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    cluster.createDeployment(namespace, "catalog", 2, 2, Map.of(
        "helm.sh/chart", "catalog-0.3.1", "app.kubernetes.io/version", "2.0.0", "chartfactory.dev/source-commit", commit));
    cluster.createDeployment(namespace, "orders", 3, 2, Map.of(
        "helm.sh/chart", "orders-1.2.0", "app.kubernetes.io/version", "1.4.2", "chartfactory.dev/source-commit", commit));
    cluster.createDeployment(namespace, "web", 1, 1, Map.of(
        "helm.sh/chart", "web-0.9.0", "app.kubernetes.io/version", "3.1.0", "chartfactory.dev/source-commit", commit));
    cluster.createPod(namespace, "catalog-7d9f6c-abcde", "Running", "node-1");
    cluster.createPod(namespace, "catalog-7d9f6c-fghij", "Running", "node-2");
    cluster.createPod(namespace, "orders-5c4b8d-klmno", "Running", "node-1");
    cluster.createPod(namespace, "orders-5c4b8d-pqrst", "Running", "node-2");
    cluster.createPod(namespace, "orders-5c4b8d-uvwxy", "Pending", null);
    cluster.createPod(namespace, "web-66f7d9-zabcd", "Running", "node-1");
  }
}
