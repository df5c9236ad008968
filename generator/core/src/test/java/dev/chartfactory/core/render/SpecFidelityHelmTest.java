package dev.chartfactory.core.render;

import static dev.chartfactory.core.render.HelmRoundTripTest.name;
import static dev.chartfactory.core.render.HelmRoundTripTest.objects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec fields of the golden {@code fidelity} repo, rendered by the real helm binary: what
 * the cluster would receive, not only what the chart's templates say.
 */
class SpecFidelityHelmTest {

  private static HelmCli helm;

  @TempDir Path temp;

  @BeforeAll
  static void helm() {
    helm = TestHelm.cli();
  }

  private List<Map<String, Object>> devObjects() {
    return objectsOf("dev");
  }

  private List<Map<String, Object>> objectsOf(String environment) {
    return objectsOf(environment, "demo");
  }

  private List<Map<String, Object>> objectsOf(String environment, String releaseNamespace) {
    List<RenderedChart> charts = Generated.render(TestRepos.resource("golden/fidelity/spec"));
    ChartWorkspace workspace = ChartWorkspace.of(temp, charts);
    Path values = workspace.umbrella().resolve("values-" + environment + ".yaml");
    helm.lint(workspace.umbrella(), List.of(values), true);
    return objects(helm.template(workspace.umbrella(), "platform", releaseNamespace, List.of(values), Map.of()));
  }

  private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
    return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(name(o))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + objects.stream()
            .map(o -> o.get("kind") + "/" + name(o)).toList()));
  }

  @Test
  void resourceName_namesWorkloadServiceAndRoutes() {
    List<Map<String, Object>> objects = devObjects();
    find(objects, "Deployment", "adservice");
    find(objects, "Service", "adservice");
    find(objects, "Deployment", "frontend");
    find(objects, "Service", "frontend");
    assertThat(find(objects, "Ingress", "frontend").toString()).contains("service={name=frontend");
    find(objects, "CronJob", "frontend-nightly-cleanup");
    assertThat(find(objects, "StatefulSet", "redis-cart").toString()).contains("serviceName=redis-cart-headless");
    find(objects, "Service", "redis-cart-headless");
    find(objects, "Service", "redis-cart");
    assertThat(objects).noneMatch(o -> name(o).startsWith("adservice-server") || name(o).equals("frontend-frontend"));
  }

  @Test
  void services_separatePortFromTargetPort_carryTypeAnnotationsLabels_andExtraServices() {
    List<Map<String, Object>> objects = devObjects();
    String service = find(objects, "Service", "frontend").toString();
    assertThat(service).contains("type=ClusterIP", "port=80, targetPort=http", "tier=web",
        "cloud.example.com/backend-config={\"default\": \"frontend\"}");
    assertThat(find(objects, "Deployment", "frontend").toString()).contains("name=http, containerPort=8080");
    assertThat(find(objects, "Service", "frontend-external").toString()).contains("type=LoadBalancer",
        "service.beta.kubernetes.io/aws-load-balancer-type=nlb", "port=80, targetPort=http");
    assertThat(find(objects, "Service", "adservice").toString()).contains("type=ClusterIP", "clusterIP=None");
    assertThat(find(objects, "Ingress", "frontend").toString()).contains("service={name=frontend, port={name=http}}");
    assertThat(find(objects, "Deployment", "frontend").toString()).contains("path=/_healthz, port=http}");
  }

  @Test
  void gatewayRoutes_pointAtTheServicePort() {
    List<Map<String, Object>> objects = objectsOf("prod");
    assertThat(find(objects, "HTTPRoute", "frontend").toString()).contains("backendRefs=[{name=frontend, port=80}]");
    assertThat(find(objects, "Service", "frontend-external").toString())
        .contains("namespace=demo-frontend");
  }

  @Test
  void podSettings_changeOnlyWhatTheSpecWrites_andKeepTheSecureDefaults() {
    List<Map<String, Object>> objects = devObjects();
    String frontend = find(objects, "Deployment", "frontend").toString();
    assertThat(frontend).contains(
        "securityContext={fsGroup=10001, runAsGroup=10001, runAsNonRoot=true, runAsUser=10001, seccompProfile={type=RuntimeDefault}}",
        "securityContext={allowPrivilegeEscalation=false, capabilities={add=[NET_BIND_SERVICE], drop=[ALL]}, privileged=false, readOnlyRootFilesystem=true}",
        "terminationGracePeriodSeconds=5", "team=storefront", "sidecar.istio.io/rewriteAppHTTPProbers=true",
        "httpHeaders=[{name=Cookie, value=shop_session-id=x-readiness-probe}]",
        "lifecycle={preStop={exec={command=[sleep, 5]}}}");
    String redis = find(objects, "StatefulSet", "redis-cart").toString();
    assertThat(redis).contains("seccompProfile={localhostProfile=profiles/redis.json, type=Localhost}",
        "runAsUser=1000", "capabilities={add=[SYS_RESOURCE], drop=[ALL]}", "tier=cache",
        "preStop={httpGet={path=/shutdown, port=redis}}");
    assertThat(find(objects, "CronJob", "frontend-nightly-cleanup").toString())
        .contains("cluster-autoscaler.kubernetes.io/safe-to-evict=true");
    assertThat(find(objects, "Deployment", "adservice").toString()).contains(
        "securityContext={allowPrivilegeEscalation=false, capabilities={drop=[ALL]}, privileged=false, readOnlyRootFilesystem=false}")
        .doesNotContain("terminationGracePeriodSeconds", "lifecycle");
  }

  @Test
  void environment_choosesItsIssuer_andItsNamespaceIsWrittenEvenWhenItIsTheUmbrellas() {
    // As 'helm template -f values-staging.yaml' without -n: the release namespace is 'default'.
    List<Map<String, Object>> objects = objectsOf("staging", "default");
    Map<String, Object> ingress = find(objects, "Ingress", "frontend");
    assertThat(ingress.toString()).contains("cert-manager.io/cluster-issuer=letsencrypt-staging", "ingressClassName=nginx");
    assertThat(HelmRoundTripTest.namespace(find(objects, "Deployment", "frontend"))).isEqualTo("platform");
    assertThat(HelmRoundTripTest.namespace(find(objects, "Service", "adservice"))).isEqualTo("platform");
    assertThat(find(devObjects(), "Ingress", "frontend").toString()).doesNotContain("tls=", "cert-manager.io");
  }

  @Test
  void initContainersAndSidecars_renderWithTheComponentsVocabulary_andTheSecureDefaults() {
    Map<String, Object> adservice = find(devObjects(), "Deployment", "adservice");
    String pod = adservice.toString();
    assertThat(pod).contains(
        "initContainers=[{name=wait-for-cache, image=localhost:5000/busybox:1.36.1@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7",
        "command=[/bin/sh, -c, until nc -z redis-cart 6379; do sleep 2; done]",
        "securityContext={allowPrivilegeEscalation=false, capabilities={drop=[ALL]}, privileged=false, readOnlyRootFilesystem=true}",
        "env=[{name=CACHE_ADDR, value=redis-cart:6379}]",
        "{name=migrate, image=localhost:5000/demo/adservice:1.0.0",
        "args=[migrate, --to, latest]",
        "env=[{name=DB_PASSWORD, valueFrom={secretKeyRef={name=ads-db, key=password}}}]",
        "{name=metrics, image=quay.io/prometheus/statsd-exporter:v0.26.1",
        "securityContext={allowPrivilegeEscalation=false, capabilities={add=[NET_BIND_SERVICE], drop=[ALL]}, privileged=false, readOnlyRootFilesystem=false, runAsUser=65534}",
        "ports=[{name=statsd, containerPort=9125, protocol=UDP}, {name=metrics, containerPort=9102, protocol=TCP}]",
        "readinessProbe={httpGet={path=/metrics, port=metrics}, periodSeconds=10}",
        "resources={limits={memory=64Mi}, requests={cpu=20m, memory=32Mi}}");
    // The component's own container stays first, so probes, routes and 'kubectl logs' find it.
    assertThat(pod.indexOf("containers=[{name=server")).isGreaterThan(pod.indexOf("initContainers=["));
    assertThat(pod.indexOf("{name=metrics,")).isGreaterThan(pod.indexOf("containers=[{name=server"));
  }
}
