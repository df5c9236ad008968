package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** validate renders and checks manifests, and reports as text, JSON or SARIF. */
class ValidateCommandTest {

  @TempDir Path temp;

  @BeforeEach
  void needsHelm() {
    CliRepos.requireHelm();
  }

  private Path smallWithoutProbes() throws IOException {
    Path repo = CliRepos.copyOfExample("small", temp);
    Path app = repo.resolve("apps/hello/app.yaml");
    Files.writeString(app, Files.readString(app).replaceAll("(?s)    probes:.*?readiness: \\{http: \\{path: /ready}}\n", ""));
    return repo;
  }

  @Test
  void validate_rendersEveryEnvironmentAndCountsTheManifests() {
    CliRun run = CliRun.of("validate", "--repo", CliRepos.projectRoot().resolve("examples/shop").toString(), "--quiet");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // 267 = 196 app and namespace objects + 3 NetworkPolicies per tenant namespace (11 in prod, 10 in staging)
    // + 4 per tenant environment admitting the ${ref:…} calls (cart, catalog, payments, search).
    assertThat(run.out()).contains("valid: 11 apps", "267 rendered manifests in 3 environments");
  }

  @Test
  void validate_whenASpecCarriesTerminalAndCiCommands_printsThemEscaped() throws IOException {
    // Control characters themselves are refused at load; what reaches a message is escaped all the
    // same, and so are the characters load lets through, such as a bidi override in a key.
    Path repo = CliRepos.copyOfExample("small", temp);
    Path app = repo.resolve("apps/hello/app.yaml");
    Files.writeString(app, Files.readString(app) + """
          nightly:
            type: cron
            image: hello-tools
            command: [./prune]
            schedule: "@daily"
            "timeZon\\u202e": UTC
        """);

    CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--specs-only");

    assertThat(run.exitCode()).isEqualTo(1);
    String printed = run.out() + run.err();
    assertThat(printed).doesNotContain("\u202e");
    assertThat(printed.lines()).noneMatch(line -> line.startsWith("::"));
    assertThat(run.err()).contains("apps/hello/app.yaml:").contains("timeZon\\u202e");
  }

  @Test
  void validate_sarif_pointsAtTheSpecLineOfThePolicyFailure() throws IOException {
    CliRun run = CliRun.of("validate", "--repo", smallWithoutProbes().toString(), "--output", "sarif");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode sarif = new ObjectMapper().readTree(run.out());
    assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
    JsonNode result = sarif.get("runs").get(0).get("results").get(0);
    assertThat(result.get("ruleId").asString()).isEqualTo("probes");
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("apps/hello/app.yaml");
    assertThat(location.get("region").get("startLine").asInt()).isEqualTo(7);
  }

  @Test
  void validate_json_andAWaiverThatSilencesTheRule() throws IOException {
    Path repo = smallWithoutProbes();
    CliRun json = CliRun.of("validate", "--repo", repo.toString(), "--output", "json");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(json.out()).get("problems").get(0).get("rule").asString()).isEqualTo("probes");

    Path app = repo.resolve("apps/hello/app.yaml");
    Files.writeString(app, Files.readString(app).replace("components:",
        "policy:\n  waive: {probes: \"a static page server with no health endpoint\"}\ncomponents:"));
    CliRun waived = CliRun.of("validate", "--repo", repo.toString(), "--quiet");
    assertThat(waived.exitCode()).as(waived.err()).isZero();
  }
}
