package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials for an HTTP Git remote, against a real smart-HTTP server on 127.0.0.1 that wants
 * Basic authentication: the token never shows in what the CLI prints nor in any file it writes,
 * and it is not sent over plain http:// unless the user says so.
 */
class GitCredentialsTest {

  private static final String TOKEN = "s3cr3t-t0ken-4711";
  private static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.com");

  @TempDir Path temp;
  private HttpGitServer server;
  private Path cache;

  @BeforeEach
  void serveTheSmallExample() throws Exception {
    Path remote = temp.resolve("remote.git");
    CliRepos.remoteWithSmallExample(remote, temp.resolve("seed"), TESTER, Map.of());
    server = new HttpGitServer(remote, "alice", TOKEN);
    cache = temp.resolve("cache");
    System.setProperty("factory.git.cache", cache.toString());
  }

  @AfterEach
  void stop() {
    server.close();
    System.clearProperty("factory.git.cache");
    System.clearProperty("factory.git.token");
    System.clearProperty("factory.git.allow.insecure");
  }

  @Test
  void urlWithToken_overHttpWhenAllowed_clonesButNeverPrintsOrStoresTheToken() throws Exception {
    System.setProperty("factory.git.allow.insecure", "true");
    CliRun first = CliRun.of("generate-all", "--repo", server.urlWith("alice:" + TOKEN), "--dry-run",
        "--skip-validation");
    CliRun again = CliRun.of("generate-all", "--repo", server.urlWith("alice:" + TOKEN), "--dry-run",
        "--skip-validation");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(first.out()).contains("source: " + server.url() + "@HEAD (");
    for (CliRun run : List.of(first, again)) {
      assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }
    assertThat(server.credentialsSeen()).contains("alice:" + TOKEN);
    assertThat(filesContaining(cache, TOKEN)).isEmpty();
    try (Git cached = Git.open(onlyChild(cache).toFile())) {
      assertThat(cached.getRepository().getConfig().getString("remote", "origin", "url")).isEqualTo(server.url());
    }
  }

  @Test
  void urlWithAWrongToken_failsWithExitThree_andTheErrorNamesTheUrlWithoutIt() {
    System.setProperty("factory.git.allow.insecure", "true");
    CliRun run = CliRun.of("generate-all", "--repo", server.urlWith("alice:wrong-" + TOKEN), "--dry-run",
        "--skip-validation");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out() + run.err()).doesNotContain(TOKEN).contains("127.0.0.1:").contains("not authorized");
    assertThat(filesContaining(cache, TOKEN)).isEmpty();
  }

  @Test
  void factoryGitToken_overPlainHttp_isRefusedBeforeAnythingIsSent() {
    System.setProperty("factory.git.token", TOKEN);
    CliRun run = CliRun.of("generate-all", "--repo", server.url(), "--dry-run", "--skip-validation");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("FACTORY_GIT_TOKEN", "plain http://", "https://", "FACTORY_GIT_ALLOW_INSECURE=true")
        .doesNotContain(TOKEN);
    assertThat(server.credentialsSeen()).isEmpty();
  }

  @Test
  void passwordInAnHttpUrl_isRefusedToo_unlessAllowed() {
    CliRun run = CliRun.of("generate-all", "--repo", server.urlWith("alice:" + TOKEN), "--dry-run",
        "--skip-validation");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("the password in the URL", "FACTORY_GIT_ALLOW_INSECURE=true").doesNotContain(TOKEN);
    assertThat(server.credentialsSeen()).isEmpty();
  }

  @Test
  void factoryGitToken_overHttpWhenAllowed_authenticates() {
    System.setProperty("factory.git.token", TOKEN);
    System.setProperty("factory.git.allow.insecure", "true");
    // The server wants the user "alice"; a token goes with the user name of the URL when it has one.
    CliRun run = CliRun.of("generate-all", "--repo", server.urlWith("alice"), "--dry-run", "--skip-validation");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.credentialsSeen()).contains("alice:" + TOKEN);
    assertThat(run.out() + run.err()).doesNotContain(TOKEN);
  }

  private static List<Path> filesContaining(Path root, String text) {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(file -> {
        try {
          return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path onlyChild(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }
}
