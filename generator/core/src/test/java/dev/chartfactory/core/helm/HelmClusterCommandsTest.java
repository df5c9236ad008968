package dev.chartfactory.core.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster verbs against a stand-in helm (a shell script that records its arguments and
 * answers like helm), so the command lines and the error mapping are checked without a cluster.
 */
@DisabledOnOs(OS.WINDOWS)
class HelmClusterCommandsTest {

  @TempDir Path tmp;

  private HelmCli fakeHelm(String stdout, String stderr, int exit) throws IOException {
    Path script = tmp.resolve("helm");
    Files.writeString(tmp.resolve("stdout"), stdout);
    Files.writeString(tmp.resolve("stderr"), stderr);
    Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + tmp.resolve("args") + "'\n"
        + "cat '" + tmp.resolve("stdout") + "'\ncat '" + tmp.resolve("stderr") + "' >&2\nexit " + exit + "\n");
    script.toFile().setExecutable(true);
    return new HelmCli(script, tmp.resolve("work")).withKubeconfig(null);
  }

  private List<String> args() throws IOException {
    return Files.readAllLines(tmp.resolve("args"));
  }

  @Test
  void template_skipsSchemaValidationWhenAsked_andRunsHelmWithALargerGoGcTarget() throws IOException {
    Path script = tmp.resolve("helm");
    Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + tmp.resolve("args") + "'\necho \"GOGC=$GOGC\"\n");
    script.toFile().setExecutable(true);
    HelmCli helm = new HelmCli(script, tmp.resolve("work")).withKubeconfig(null);

    String out = helm.template(tmp, "platform", "platform", List.of(), java.util.Map.of(), false);

    assertThat(out.strip()).isEqualTo(System.getenv("GOGC") == null ? "GOGC=" + HelmCli.GO_GC_PERCENT : "GOGC=" + System.getenv("GOGC"));
    assertThat(args()).contains("--skip-schema-validation");
    helm.template(tmp, "platform", "platform", List.of(), java.util.Map.of());
    assertThat(args()).doesNotContain("--skip-schema-validation");
  }

  @Test
  void upgradeInstall_passesReleaseNamespaceValuesWaitTimeoutAndKubeconfig() throws IOException {
    HelmCli helm = fakeHelm("Release \"platform\" has been upgraded.", "", 0)
        .withKubeconfig(tmp.resolve("kubeconfig"));

    helm.upgradeInstall(tmp.resolve("umbrella-chart"), "platform", "platform",
        List.of(tmp.resolve("umbrella-chart/values-dev.yaml")), true, Duration.ofMinutes(10), false);

    assertThat(args()).containsExactly("upgrade", "--install", "platform",
        tmp.resolve("umbrella-chart").toString(), "--namespace", "platform", "--create-namespace",
        "--values", tmp.resolve("umbrella-chart/values-dev.yaml").toString(), "--wait",
        "--timeout", "600s", "--kubeconfig", tmp.resolve("kubeconfig").toString());
  }

  @Test
  void verbCommands_nameEachFlag_insteadOfPositionalBooleans() throws IOException {
    HelmCli helm = fakeHelm("ok", "", 0);
    Path chart = tmp.resolve("umbrella-chart");
    Path values = tmp.resolve("umbrella-chart/values-dev.yaml");

    HelmUpgrade.of(chart, "platform", "platform").values(List.of(values)).waitUntilReady(false)
        .timeout(Duration.ofSeconds(90)).serverDryRun(true).run(helm);
    assertThat(args()).containsExactly("upgrade", "--install", "platform", chart.toString(), "--namespace",
        "platform", "--create-namespace", "--values", values.toString(), "--timeout", "90s", "--dry-run=server");

    HelmRollback.of("platform", 3, "platform").timeout(Duration.ofMinutes(2)).run(helm);
    assertThat(args()).containsExactly("rollback", "platform", "3", "--namespace", "platform", "--timeout", "120s",
        "--wait");

    HelmLint.of(chart).values(List.of(values)).strict().run(helm);
    assertThat(args()).containsExactly("lint", chart.toString(), "--strict", "--values", values.toString());

    HelmTemplate.of(chart, "platform", "shop").set(java.util.Map.of("a", "1")).skipSchemaValidation().run(helm);
    assertThat(args()).containsExactly("template", "platform", chart.toString(), "--namespace", "shop",
        "--skip-schema-validation", "--set", "a=1");
  }

  @Test
  void status_withoutKubeconfig_passesNone_andParsesTheJson() throws IOException {
    HelmCli helm = fakeHelm("{\"name\":\"platform\",\"namespace\":\"platform\",\"version\":2,"
        + "\"info\":{\"status\":\"deployed\",\"description\":\"Upgrade complete\"}}", "", 0);

    assertThat(helm.status("platform", "platform").revision()).isEqualTo(2);
    assertThat(args()).containsExactly("status", "platform", "--namespace", "platform", "--output", "json");
  }

  @Test
  void rollbackAndUninstall_nameTheRevisionAndRelease() throws IOException {
    HelmCli helm = fakeHelm("ok", "", 0);

    helm.rollback("platform", 1, "platform", false, Duration.ofSeconds(90));
    assertThat(args()).containsExactly("rollback", "platform", "1", "--namespace", "platform",
        "--timeout", "90s");
    helm.uninstall("platform", "platform");
    assertThat(args()).containsExactly("uninstall", "platform", "--namespace", "platform");
  }

  @Test
  void anyClusterVerb_whenNothingListens_saysWhichServerAndWhatToCheck() throws IOException {
    HelmCli helm = fakeHelm("", "Error: Kubernetes cluster unreachable: Get \"https://127.0.0.1:1/version\":"
        + " dial tcp 127.0.0.1:1: connect: connection refused\n", 1);

    assertThatThrownBy(() -> helm.history("platform", "platform"))
        .isInstanceOf(HelmClusterUnreachableException.class)
        .hasMessageStartingWith("no cluster reachable at https://127.0.0.1:1: check KUBECONFIG / kubectl cluster-info");
  }

  @Test
  void anyClusterVerb_whenTheReleaseDoesNotExist_saysSo() throws IOException {
    HelmCli helm = fakeHelm("", "Error: uninstall: Release not loaded: platform: release: not found\n", 1);

    assertThatThrownBy(() -> helm.uninstall("platform", "shop"))
        .isInstanceOf(HelmReleaseNotFoundException.class)
        .hasMessageStartingWith("release platform not found in namespace shop");
  }

  @Test
  void kubeconfigFromEnvironment_usesOneFileOnly() {
    assertThat(HelmCli.kubeconfigFromEnvironment(null)).isNull();
    assertThat(HelmCli.kubeconfigFromEnvironment("")).isNull();
    assertThat(HelmCli.kubeconfigFromEnvironment("/a/config:/b/config")).isNull();
    assertThat(HelmCli.kubeconfigFromEnvironment("/a/config")).isEqualTo(Path.of("/a/config"));
  }
}
