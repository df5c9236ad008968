package dev.chartfactory.core.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The locator only checks that files exist and are executable, so these tests use empty
 * executable files and need no helm.
 */
class HelmLocatorTest {

  @TempDir Path tmp;

  @Test
  void locate_prefersHelmVariable_overPathAndTools() throws IOException {
    Path fromEnv = executable(tmp.resolve("custom/helm"));
    Path binDir = executable(tmp.resolve("bin/helm")).getParent();
    executable(tmp.resolve("repo/.tools/helm/" + HelmLocator.PINNED_VERSION + "/helm"));

    HelmLocator locator = new HelmLocator(
        Map.of("HELM", fromEnv.toString(), "PATH", binDir.toString()), tmp.resolve("repo"));

    assertThat(locator.locate()).contains(fromEnv);
  }

  @Test
  void locate_whenHelmVariableIsNotExecutable_fallsBackToPath() throws IOException {
    Path binDir = executable(tmp.resolve("bin/helm")).getParent();
    Path notExecutable = Files.writeString(tmp.resolve("helm.txt"), "");

    HelmLocator locator = new HelmLocator(
        Map.of("HELM", notExecutable.toString(), "PATH", "/nowhere:" + binDir), tmp);

    assertThat(locator.locate()).contains(binDir.resolve("helm"));
  }

  @Test
  void locate_withoutHelmOnPath_findsPinnedToolsVersionFirst() throws IOException {
    Path repo = tmp.resolve("repo");
    executable(repo.resolve(".tools/helm/v3.99.0/helm"));
    Path pinned = executable(repo.resolve(".tools/helm/" + HelmLocator.PINNED_VERSION + "/helm"));

    HelmLocator locator = new HelmLocator(Map.of("PATH", tmp.resolve("empty").toString()), repo);

    assertThat(locator.locate()).contains(pinned);
  }

  @Test
  void locate_withOtherToolsVersionOnly_findsIt() throws IOException {
    Path repo = tmp.resolve("repo");
    Path other = executable(repo.resolve(".tools/helm/v3.16.1/helm"));

    assertThat(new HelmLocator(Map.of(), repo).locate()).contains(other);
  }

  @Test
  void require_whenNothingFound_saysWhereItLookedAndHowToGetHelm() {
    HelmLocator locator = new HelmLocator(
        Map.of("HELM", "/no/such/helm", "PATH", tmp.toString()), tmp.resolve("repo"));

    assertThat(locator.locate()).isEmpty();
    assertThatThrownBy(locator::require)
        .isInstanceOf(HelmException.class)
        .hasMessageContaining("no helm binary found")
        .hasMessageContaining("HELM is set to '/no/such/helm'")
        .hasMessageContaining(tmp.resolve("repo/.tools/helm").toString())
        .hasMessageContaining("scripts/install-helm.sh");
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
