package dev.chartfactory.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.yaml.snakeyaml.Yaml;

/**
 * Manifests per second of {@link ManifestSchemaValidator} on typical chart output (Deployment,
 * Service, Ingress, HPA, PDB, ServiceAccount, ConfigMap).
 *
 * <pre>
 * mvn -q -pl generator/core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.chartfactory.core.validate.ManifestValidationBench [-Dbench.seconds=5]
 * </pre>
 */
public final class ManifestValidationBench {

  static final String HPA = """
      ---
      # Source: shop/templates/hpa.yaml
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: shop-web
      spec:
        scaleTargetRef:
          apiVersion: apps/v1
          kind: Deployment
          name: shop-web
        minReplicas: 2
        maxReplicas: 10
        metrics:
          - type: Resource
            resource:
              name: cpu
              target:
                type: Utilization
                averageUtilization: 75
      """;

  static final String PDB = """
      ---
      # Source: shop/templates/pdb.yaml
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: shop-web
      spec:
        maxUnavailable: 1
        selector:
          matchLabels:
            app.kubernetes.io/name: shop
      """;

  static final String SERVICE_ACCOUNT = """
      ---
      # Source: shop/templates/serviceaccount.yaml
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: shop
        labels:
          app.kubernetes.io/name: shop
      automountServiceAccountToken: false
      """;

  static final String CONFIG_MAP = """
      ---
      # Source: shop/templates/configmap.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: shop-web
      data:
        LOG_LEVEL: info
        FEATURE_FLAGS: "a,b,c"
      """;

  private ManifestValidationBench() {}

  public static void main(String[] args) throws Exception {
    // A system property, not exec.args: -Dexec.args would also reach the schema build step.
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
    long start = System.nanoTime();
    ManifestSchemaValidator validator = new ManifestSchemaValidator();
    String chart = ManifestSchemaValidatorTest.DEPLOYMENT + ManifestSchemaValidatorTest.SERVICE
        + ManifestSchemaValidatorTest.INGRESS + HPA + PDB + SERVICE_ACCOUNT + CONFIG_MAP;
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(chart)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) doc;
      manifests.add(map);
    }
    if (!validator.validateYaml(chart).isEmpty()) {
      throw new IllegalStateException("bench input is invalid: " + validator.validateYaml(chart));
    }
    System.out.printf(Locale.ROOT, "startup (load + first validation of %d kinds): %d ms%n",
        manifests.size(), (System.nanoTime() - start) / 1_000_000);

    // JIT warm-up of both paths before anything is measured.
    measure(Runtime.getRuntime().availableProcessors(), seconds, () -> {
      validator.validateYaml(chart);
      return manifests.size();
    });
    for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
      run("validate(Map)       ", threads, seconds, () -> {
        for (Map<String, Object> m : manifests) {
          validator.validate(m);
        }
        return manifests.size();
      });
      run("validateYaml(String)", threads, seconds, () -> {
        validator.validateYaml(chart);
        return manifests.size();
      });
    }
  }

  interface Batch {
    int run();
  }

  private static void run(String label, int threads, double seconds, Batch batch) throws Exception {
    measure(threads, seconds / 2, batch); // warm-up
    double perSecond = measure(threads, seconds, batch);
    System.out.printf(Locale.ROOT, "%s threads=%d: %,.0f manifests/s%n", label, threads, perSecond);
  }

  private static double measure(int threads, double seconds, Batch batch) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    List<Future<Long>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit(() -> {
        long count = 0;
        while (System.nanoTime() < deadline) {
          count += batch.run();
        }
        return count;
      }));
    }
    long total = 0;
    for (Future<Long> result : results) {
      total += result.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
