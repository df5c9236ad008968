package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** Each policy rule with a failing and a passing fixture, and waivers. */
class PolicyCheckerTest {

  @TempDir Path temp;

  private static final String GOOD_DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop-web
        namespace: %s
        labels: {app.kubernetes.io/name: shop, app.kubernetes.io/component: web}
      spec:
        template:
          spec:
            securityContext: {runAsNonRoot: true}
            containers:
              - name: web
                image: localhost:5000/shop-web:%s
                securityContext: {allowPrivilegeEscalation: false}
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
                livenessProbe: {httpGet: {path: /health, port: http}}
                readinessProbe: {httpGet: {path: /ready, port: http}}
      """;

  private ResolvedPlatform platform(Map<String, String> files) {
    return TestRepos.resolved(temp.resolve("repo" + files.hashCode()), files);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(String yaml) {
    List<Map<String, Object>> out = new ArrayList<>();
    new Yaml().loadAll(yaml).forEach(d -> out.add((Map<String, Object>) d));
    return out;
  }

  private List<String> rules(ResolvedPlatform platform, String environment, String yaml) {
    return new PolicyChecker().check(platform, platform.environment(environment), objects(yaml)).stream()
        .map(f -> f.rule() + (f.severity() == PolicyFinding.Severity.WARNING ? "(warning)" : "")).toList();
  }

  @Test
  void aWellFormedDeployment_passesEveryRule() {
    assertThat(rules(platform(Map.of()), "prod", GOOD_DEPLOYMENT.formatted("platform", "1.0.0"))).isEmpty();
  }

  @Test
  void resourcesProbesNonRoot_failWhenMissing() {
    String bare = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop-web, namespace: platform, labels: {app.kubernetes.io/name: shop, app.kubernetes.io/component: web}}
        spec: {template: {spec: {containers: [{name: web, image: "shop-web:1.0"}]}}}
        """;
    assertThat(rules(platform(Map.of()), "prod", bare)).containsExactly("resources", "probes", "non-root");
  }

  @Test
  void initContainersAndSidecars_answerToTheSameRules_butProbesOnlyBindTheComponentsOwnContainer() {
    String pod = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop-web, namespace: platform, labels: {app.kubernetes.io/name: shop, app.kubernetes.io/component: web}}
        spec:
          template:
            spec:
              securityContext: {runAsNonRoot: true}
              initContainers:
                - {name: migrate, image: "shop-web:latest", securityContext: {allowPrivilegeEscalation: false}}
              containers:
                - name: web
                  image: shop-web:1.0
                  securityContext: {allowPrivilegeEscalation: false}
                  resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
                  livenessProbe: {httpGet: {path: /health, port: http}}
                  readinessProbe: {httpGet: {path: /ready, port: http}}
                - name: proxy
                  image: envoy:1.30
                  securityContext: {allowPrivilegeEscalation: true, capabilities: {add: [NET_ADMIN]}}
                  resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
        """;
    List<PolicyFinding> findings = new PolicyChecker().check(platform(Map.of()), platform(Map.of()).environment("prod"),
        objects(pod));
    assertThat(findings).extracting(f -> f.rule() + " " + f.field()).containsExactly(
        "resources spec.template.spec.initContainers[0].resources",
        "pinned-tag spec.template.spec.initContainers[0].image",
        "capabilities spec.template.spec.containers[1].securityContext.capabilities.add",
        "non-root spec.template.spec.containers[1].securityContext");
  }

  @Test
  void nonRoot_refusesAPrivilegedContainer() {
    String privileged = GOOD_DEPLOYMENT.formatted("platform", "1.0.0")
        .replace("securityContext: {allowPrivilegeEscalation: false}",
            "securityContext: {allowPrivilegeEscalation: false, privileged: true}");
    assertThat(rules(platform(Map.of()), "prod", privileged)).containsExactly("non-root");
  }

  @Test
  void pinnedTag_failsOutsideDevOnly() {
    ResolvedPlatform platform = platform(Map.of());
    String latest = GOOD_DEPLOYMENT.formatted("platform", "latest");
    assertThat(rules(platform, "prod", latest)).containsExactly("pinned-tag");
    assertThat(rules(platform, "dev", latest)).isEmpty();
  }

  @Test
  void servicePorts_failOnADuplicatePort() {
    String service = """
        apiVersion: v1
        kind: Service
        metadata: {name: shop-web, namespace: platform, labels: {app.kubernetes.io/name: shop}}
        spec: {ports: [{name: a, port: 80}, {name: b, port: %s}]}
        """;
    assertThat(rules(platform(Map.of()), "prod", service.formatted("80"))).containsExactly("service-ports");
    assertThat(rules(platform(Map.of()), "prod", service.formatted("81"))).isEmpty();
  }

  @Test
  void uniqueHosts_failWhenTwoObjectsRouteTheSameHost() {
    String route = """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: platform, labels: {app.kubernetes.io/name: shop}}
        spec: {hostnames: [%s]}
        """;
    ResolvedPlatform platform = platform(Map.of());
    assertThat(rules(platform, "prod", route.formatted("a", "shop.example.com") + route.formatted("b", "shop.example.com")))
        .containsExactly("unique-hosts");
    assertThat(rules(platform, "prod", route.formatted("a", "shop.example.com") + route.formatted("b", "blog.example.com")))
        .isEmpty();
  }

  @Test
  void uniqueHosts_acrossPartsCheckedApart_compareWhatEachPartClaims_evenAfterACacheRoundTrip() {
    String route = """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: platform, labels: {app.kubernetes.io/name: shop}}
        spec: {hostnames: [%s]}
        """;
    ResolvedPlatform platform = platform(Map.of());
    var prod = platform.repo().environments().get("prod");
    PolicyChecker checker = new PolicyChecker();
    PolicyChecker.Unit first = checker.checkUnit(platform, prod, RenderedObjects.objects(route.formatted("a", "shop.example.com")));
    PolicyChecker.Unit second = checker.checkUnit(platform, prod, RenderedObjects.objects(route.formatted("b", "shop.example.com")));
    assertThat(first.findings()).isEmpty();
    assertThat(second.findings()).as("each part alone is fine").isEmpty();
    // The first part's claims as a later run reads them back from the cache.
    ValidationCache cache = new ValidationCache(temp.resolve("cache"), 10);
    String key = new ValidationCache.KeyBuilder().add("part", "a").build();
    cache.store(key, new ValidationCache.Entry(1, List.of(), first.claims()));
    PolicyChecker.Claims cached = cache.find(key).orElseThrow().claims();
    assertThat(cached).isEqualTo(first.claims());

    assertThat(checker.across(platform, prod, List.of(cached, second.claims())))
        .extracting(PolicyFinding::rule, PolicyFinding::object)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unique-hosts", "HTTPRoute platform/b"));
    assertThat(checker.across(platform, prod, List.of(cached, first.claims()))).as("the same object twice").isEmpty();
  }

  @Test
  void nameLength_failsPast63AndPast52ForStatefulSets() {
    String configMap = "apiVersion: v1\nkind: %s\nmetadata: {name: %s, namespace: platform}\n";
    ResolvedPlatform platform = platform(Map.of());
    assertThat(rules(platform, "prod", configMap.formatted("Service", "s".repeat(64)))).containsExactly("name-length");
    assertThat(rules(platform, "prod", configMap.formatted("Service", "s".repeat(63)))).isEmpty();
    assertThat(rules(platform, "prod", configMap.formatted("CronJob", "c".repeat(53)))).containsExactly("name-length");
  }

  @Test
  void namespacePrefix_andQuota_followTheEnvironment() {
    ResolvedPlatform tenants = platform(Map.of("environments/prod.yaml",
        "name: prod\ndomain: example.com\nnamespacePrefix: t-\nquota: {cpu: '4'}\n"));
    String outside = GOOD_DEPLOYMENT.formatted("other", "1.0.0");
    assertThat(rules(tenants, "prod", outside)).containsExactly("namespace-prefix", "quota(warning)");
    String inside = GOOD_DEPLOYMENT.formatted("t-shop", "1.0.0")
        + "---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: quota, namespace: t-shop}\n";
    assertThat(rules(tenants, "prod", inside)).isEmpty();
  }

  @Test
  void aWaiverWithAReason_silencesItsRuleForThatAppOnly() {
    ResolvedPlatform waived = platform(Map.of("apps/shop/app.yaml", """
        name: shop
        version: 1.0.0
        policy:
          waive: {pinned-tag: "the vendor only publishes latest; pinned by digest at the mirror"}
        components:
          web: {type: webapp, image: shop-web, port: 8080, probes: {liveness: {http: {}}, readiness: {http: {}}}}
        """));
    assertThat(rules(waived, "prod", GOOD_DEPLOYMENT.formatted("platform", "latest"))).isEmpty();
    assertThat(waived.repo().apps().get("shop").waivers()).containsKey("pinned-tag");
  }

  @Test
  void addedCapabilities_beyondNetBindService_failUnlessWaived() {
    String adding = GOOD_DEPLOYMENT.formatted("platform", "1.0.0").replace(
        "securityContext: {allowPrivilegeEscalation: false}",
        "securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [%s]}}");
    assertThat(rules(platform(Map.of()), "prod", adding.formatted("NET_BIND_SERVICE"))).isEmpty();
    assertThat(rules(platform(Map.of()), "prod", adding.formatted("NET_ADMIN"))).containsExactly("capabilities");
    ResolvedPlatform waived = platform(Map.of("apps/shop/app.yaml", """
        name: shop
        version: 1.0.0
        policy:
          waive: {capabilities: "the proxy programs iptables rules for its pod"}
        components:
          web: {type: webapp, image: shop-web, port: 8080, probes: {liveness: {http: {}}, readiness: {http: {}}},
                securityContext: {addCapabilities: [NET_ADMIN]}}
        """));
    assertThat(rules(waived, "prod", adding.formatted("NET_ADMIN"))).isEmpty();
  }
}
