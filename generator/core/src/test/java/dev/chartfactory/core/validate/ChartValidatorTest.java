package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.ValidationException;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartValidatorTest {

  /** An app that passes every policy rule (shared with ValidationCacheTest). */
  static final String VALID_SHOP = """
      name: shop
      version: 1.0.0
      components:
        web:
          type: webapp
          image: shop-web
          port: 8080
          probes:
            liveness: {http: {path: /health}}
            readiness: {http: {path: /ready}}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
      """;

  @TempDir Path temp;

  @Test
  void specField_mapsWorkloadFieldsBackToTheComponentField() {
    assertThat(ChartValidator.specField("spec.template.spec.containers[0].resources.limits.memory")).isEqualTo("resources");
    assertThat(ChartValidator.specField("spec.template.spec.containers[0].readinessProbe")).isEqualTo("probes");
    assertThat(ChartValidator.specField("spec.jobTemplate.spec.template.spec.containers[0].image")).isEqualTo("image");
    assertThat(ChartValidator.specField("spec.replicas")).isEqualTo("replicas");
    assertThat(ChartValidator.specField("spec.hostnames")).isEqualTo("host");
    assertThat(ChartValidator.specField("metadata.labels")).isNull();
  }

  @Test
  void validate_whenAPolicyFails_pointsAtTheSpecFieldToChange() {
    Path repo = temp.resolve("repo");
    String noMemory = VALID_SHOP.replace("requests: {cpu: 100m, memory: 128Mi}\n      limits: {memory: 256Mi}\n",
        "requests: {cpu: 100m}\n");
    assertThat(noMemory).isNotEqualTo(VALID_SHOP);
    ResolvedPlatform platform = TestRepos.resolved(repo, Map.of("apps/shop/app.yaml", noMemory));
    ValidationException failure = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> new ChartValidator(TestHelm.cli(), new ManifestSchemaValidator(), PipelineListener.SILENT)
            .validate(platform, Generated.render(repo)));
    Problem problem = failure.problems().get(0);
    assertThat(problem.toString()).startsWith("apps/shop/app.yaml:12:7: components.web.resources: [resources] ")
        .contains("missing requests.memory, limits.memory");
  }

  @Test
  void validate_whenAUserBlueprintBreaksAHelmLintRule_failsWithHelmsReport() {
    // A ConfigMap name with an underscore passes the schema (names are plain strings there)
    // but not helm lint's naming rule, which only runs on charts built from user blueprints.
    Path repo = temp.resolve("repo");
    ResolvedPlatform platform = TestRepos.resolved(repo, Map.of("apps/shop/app.yaml", VALID_SHOP,
        "templates/webapp/settings.yaml.j2", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ include "[[ app.name ]].fullname" . }}_[[ component.name ]]_settings
        data:
          mode: plain
        """));
    ValidationException failure = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> new ChartValidator(TestHelm.cli(), new ManifestSchemaValidator(), PipelineListener.SILENT)
            .validate(platform, Generated.render(repo)));
    assertThat(failure.problems()).hasSize(1);
    assertThat(failure.problems().get(0).toString())
        .startsWith("templates/: helm lint --strict rejected charts built from your blueprints")
        .contains("shop_web_settings");
  }

  @Test
  void chartsFromUserBlueprints_areTheAppsWithAnOverriddenTypeOrAllForASharedBlueprint() {
    Path repo = temp.resolve("repo");
    Map<String, String> worker = Map.of("apps/jobs/app.yaml", """
        name: jobs
        version: 1.0.0
        components:
          queue: {type: worker, image: jobs-queue}
        """, "apps/jobs/instances/dev.yaml", "version: 1.0.0\n", "apps/jobs/instances/prod.yaml", "version: 1.0.0\n");
    ResolvedPlatform plain = TestRepos.resolved(repo, worker);
    assertThat(ChartValidator.chartsFromUserBlueprints(plain, Generated.render(repo))).isEmpty();

    TestRepos.write(repo, Map.of("templates/worker/extra.yaml.j2", "# nothing\n"));
    assertThat(ChartValidator.chartsFromUserBlueprints(TestRepos.resolved(repo, worker), Generated.render(repo)))
        .containsExactly("charts/jobs");

    TestRepos.write(repo, Map.of("templates/common/extra.yaml.j2", "# nothing\n"));
    assertThat(ChartValidator.chartsFromUserBlueprints(TestRepos.resolved(repo, worker), Generated.render(repo)))
        .containsExactlyInAnyOrder("charts/jobs", "charts/shop");
  }

  @Test
  void validate_reportsTheProblemsOfEveryEnvironmentInOneRun() {
    Path repo = temp.resolve("repo");
    // The base repo's app sets no resources, which the policy rejects in each environment.
    ResolvedPlatform platform = TestRepos.resolved(repo, Map.of());
    ValidationException failure = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> new ChartValidator(TestHelm.cli(), new ManifestSchemaValidator(), PipelineListener.SILENT)
            .validate(platform, Generated.render(repo)));
    assertThat(failure.problems()).extracting(Problem::toString)
        .anyMatch(problem -> problem.contains("in environment dev"))
        .anyMatch(problem -> problem.contains("in environment prod"));
  }
}
