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
    ResolvedPlatform platform = TestRepos.resolved(repo, Map.of("apps/shop/app.yaml", """
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
              requests: {cpu: 100m}
        """));
    ValidationException failure = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
        () -> new ChartValidator(TestHelm.cli(), new ManifestSchemaValidator(), PipelineListener.SILENT)
            .validate(platform, Generated.render(repo)));
    Problem problem = failure.problems().get(0);
    assertThat(problem.toString()).startsWith("apps/shop/app.yaml:12:7: components.web.resources: [resources] ")
        .contains("missing requests.memory, limits.memory");
  }
}
