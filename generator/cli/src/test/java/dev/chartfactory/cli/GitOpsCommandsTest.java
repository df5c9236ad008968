package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class GitOpsCommandsTest {

  private static final String SHOP = CliRepos.projectRoot().resolve("examples/shop").toString();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> out = new ArrayList<>();
    new Yaml().loadAll(yaml).forEach(d -> out.add((Map<String, Object>) d));
    return out;
  }

  @Test
  void argocd_printsOneApplicationPerEnvironmentPointingAtItsValuesFile() {
    CliRun run = CliRun.of("gitops", "--repo", SHOP, "--repo-url", "https://git.example.com/shop.git");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Map<String, Object>> apps = documents(run.out());
    assertThat(apps).extracting(d -> (Object) ((Map<?, ?>) d.get("metadata")).get("name"))
        .containsExactly("shop-platform-dev", "shop-platform-prod", "shop-platform-staging");
    assertThat(run.out()).contains("- values-prod.yaml", "path: umbrella-chart", "namespace: shop");
  }

  @Test
  void aRepoUrlWithCredentials_isRefused_withoutPrintingTheSecretNorAnyManifest() {
    for (String format : List.of("argocd", "argocd-appset", "flux")) {
      for (String url : List.of("http://alice:s3cr3t-t0ken@git.example.com/x.git", "https://s3cr3t-t0ken@g/x.git")) {
        CliRun run = CliRun.of("gitops", "--format", format, "--repo", SHOP, "--repo-url", url);
        assertThat(run.exitCode()).as(format + " " + url).isNotZero();
        assertThat(run.out() + run.err()).doesNotContain("s3cr3t-t0ken").doesNotContain("kind:");
        assertThat(run.err()).contains("--repo-url", "carries credentials", "***@", "secretRef");
      }
    }
    CliRun ssh = CliRun.of("gitops", "--repo", SHOP, "--repo-url", "ssh://git@git.example.com/x.git");
    assertThat(ssh.exitCode()).as(ssh.err()).isZero();
    assertThat(ssh.out()).contains("repoURL: ssh://git@git.example.com/x.git");
  }

  @Test
  void appSetAndFlux_coverEveryEnvironment() {
    CliRun set = CliRun.of("gitops", "--format", "argocd-appset", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(set.exitCode()).isZero();
    assertThat(set.out()).contains("kind: ApplicationSet", "- env: dev", "- env: staging", "- env: prod",
        "values-{{.env}}.yaml");
    CliRun flux = CliRun.of("gitops", "--format", "flux", "--revision", "v1.2.0", "--repo", SHOP,
        "--repo-url", "https://g/x.git");
    assertThat(documents(flux.out())).extracting(d -> d.get("kind"))
        .containsExactly("GitRepository", "HelmRelease", "HelmRelease", "HelmRelease");
    assertThat(flux.out()).contains("tag: v1.2.0", "- umbrella-chart/values-staging.yaml");
  }

  @Test
  void eachEnvironmentGoesToItsOwnCluster_byArgoDestinationAndFluxKubeconfigSecret() {
    CliRun argo = CliRun.of("gitops", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(argo.exitCode()).as(argo.err()).isZero();
    assertThat(documents(argo.out())).extracting(d -> (Object) ((Map<?, ?>) ((Map<?, ?>) d.get("spec")).get("destination")).get("name"))
        .containsExactly("shop-dev", "shop-prod", "shop-staging");
    assertThat(argo.out()).doesNotContain("kubernetes.default.svc");
    CliRun set = CliRun.of("gitops", "--format", "argocd-appset", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(set.out()).contains("cluster: shop-prod", "name: '{{.cluster}}'");
    CliRun flux = CliRun.of("gitops", "--format", "flux", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(flux.out()).contains("kubeConfig:\n    secretRef:\n      name: shop-prod-kubeconfig");
  }

  @Test
  void twoEnvironmentsOnOneCluster_wouldOwnOneRelease_andAreRefusedAtTheEnvironmentFile(@TempDir Path temp)
      throws IOException {
    Path repo = CliRepos.copyOfExample("shop", temp);
    Path staging = repo.resolve("environments/staging.yaml");
    Files.writeString(staging, Files.readString(staging).replaceAll("(?m)^cluster: .*$", "cluster: {name: shop-prod}"));

    CliRun argo = CliRun.of("gitops", "--repo", repo.toString(), "--repo-url", "https://g/x.git");

    assertThat(argo.exitCode()).isEqualTo(1);
    assertThat(argo.out()).isEmpty();
    assertThat(argo.err()).contains("environments/staging.yaml:", "environments 'prod' and 'staging' would both own"
        + " release 'shop-platform' in namespace 'shop' on name shop-prod");
    assertThat(CliRun.of("gitops", "--env", "staging", "--repo", repo.toString(), "--repo-url", "https://g/x.git")
        .exitCode()).as("one environment alone owns its release").isZero();

    Files.writeString(staging, Files.readString(staging).replaceAll("(?m)^cluster: .*$", "cluster: {server: https://10.0.0.9:6443}"));
    CliRun mixed = CliRun.of("gitops", "--format", "argocd-appset", "--repo", repo.toString(), "--repo-url", "https://g/x.git");
    assertThat(mixed.exitCode()).isEqualTo(1);
    assertThat(mixed.err()).contains("addresses every cluster by server URL");
    CliRun perEnvironment = CliRun.of("gitops", "--repo", repo.toString(), "--repo-url", "https://g/x.git");
    assertThat(perEnvironment.exitCode()).as(perEnvironment.err()).isZero();
    assertThat(perEnvironment.out()).contains("server: https://10.0.0.9:6443");

    Files.writeString(staging, Files.readString(staging).replaceAll("(?m)^cluster: .*$", ""));
    Path prod = repo.resolve("environments/prod.yaml");
    Files.writeString(prod, Files.readString(prod).replaceAll("(?m)^cluster: .*$", ""));
    CliRun flux = CliRun.of("gitops", "--format", "flux", "--repo", repo.toString(), "--repo-url", "https://g/x.git");
    assertThat(flux.exitCode()).isEqualTo(1);
    assertThat(flux.err()).contains("on Flux's own cluster");
  }

  @Test
  void clusterServerWithCredentialsOrPlainHttp_isRefusedByTheSchema(@TempDir Path temp) throws IOException {
    Path repo = CliRepos.copyOfExample("shop", temp);
    Path prod = repo.resolve("environments/prod.yaml");
    Files.writeString(prod, Files.readString(prod).replaceAll("(?m)^cluster: .*$",
        "cluster: {server: 'https://admin:secret@10.0.0.1:6443'}"));
    CliRun run = CliRun.of("validate", "--specs-only", "--repo", repo.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("environments/prod.yaml:", "cluster.server");
  }

  @Test
  void unknownEnvironmentOrFormat_isAnInputError() {
    CliRun env = CliRun.of("gitops", "--env", "prdo", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(env.exitCode()).isEqualTo(1);
    assertThat(env.err()).contains("'prdo' is not an environment", "did you mean 'prod'?");
    CliRun format = CliRun.of("gitops", "--format", "helmfile", "--repo", SHOP, "--repo-url", "https://g/x.git");
    assertThat(format.exitCode()).isEqualTo(1);
  }
}
