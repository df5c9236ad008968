package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.write.RepoLock;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code generate-all} runs on one config repo at once, through the CLI's entry point on
 * threads released together (so that their writes overlap, which separate JVMs starting at
 * different speeds rarely do): they take turns, every one exits 0, the result passes
 * {@code check}, and none of the tool's temporary folders is left behind or taken for an app.
 * Between processes the lock is the operating system's: a run in another JVM waits for it. A run
 * killed half-way leaves folders the next run cleans up.
 */
class ConcurrentRunsTest {

  /** Runs started together per round, and rounds. */
  static final int RUNS = 4;
  static final int ROUNDS = 20;

  @TempDir Path temp;
  private Path repo;

  @BeforeEach
  void smallExample() {
    CliRepos.requireHelm();
    repo = CliRepos.copyOfExample("small", temp);
  }

  @Test
  void parallelGenerateAll_takeTurns_andLeaveValidChartsAndNoTemporaryFolders() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RUNS);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        // Every round changes the specs, so that every run has charts to replace; every other
        // round adds an app and the next removes it, so that runs also delete charts.
        Files.writeString(repo.resolve("apps/hello/instances/dev.yaml"), "version: 1.0." + round + "\n");
        Path extra = repo.resolve("apps/extra");
        if (round % 2 == 1) {
          CliRepos.copyTree(repo.resolve("apps/hello"), extra);
          Files.writeString(extra.resolve("app.yaml"),
              Files.readString(extra.resolve("app.yaml")).replace("name: hello", "name: extra"));
        } else {
          CliRepos.deleteTree(extra);
        }
        // Most rounds skip helm, so that the runs' writes overlap; every fifth validates, which
        // lays the charts out in a staging folder and moves them into place.
        List<String> args = new ArrayList<>(List.of("generate-all", "--repo", repo.toString(), "--quiet"));
        if (round % 5 != 0) {
          args.add("--skip-validation");
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          runs.add(pool.submit(() -> {
            start.await();
            return FactoryCli.run(args.toArray(String[]::new));
          }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
          assertThat(run.get(10, TimeUnit.MINUTES)).as("round %d", round).isZero();
        }
        CliRun check = CliRun.of("check", "--repo", repo.toString(), "--quiet");
        assertThat(check.exitCode()).as("round %d: %s%s", round, check.out(), check.err()).isZero();
        assertThat(temporaryFolders()).as("round %d", round).isEmpty();
        assertThat(repo.resolve("charts/extra/Chart.yaml").toFile().exists()).isEqualTo(round % 2 == 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunInAnotherProcess_waitsForTheLock_thenExitsThree_namingTheHoldersPid() throws Exception {
    try (RepoLock held = RepoLock.acquire(repo, "a test", PipelineListener.SILENT)) {
      Process run = cli("-Dfactory.lock.timeout=1", "generate-all", "--repo", repo.toString(), "--skip-validation");
      assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
      String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(run.exitValue()).as(output).isEqualTo(3);
      assertThat(output).contains("waiting for another factory run (pid " + ProcessHandle.current().pid() + ", a test");
      assertThat(repo.resolve("charts")).doesNotExist();
    }
  }

  @Test
  void aKilledRunsLeftovers_areCleanedUpByTheNextRun_andAnInterruptedSwapIsRestored() throws Exception {
    assertThat(CliRun.of("generate-all", "--repo", repo.toString(), "--quiet").exitCode()).isZero();
    String chartYaml = Files.readString(repo.resolve("charts/hello/Chart.yaml"));
    // Killed in the middle of a swap: the old umbrella moved aside, the new one not yet in place.
    Files.move(repo.resolve("umbrella-chart"), repo.resolve(".factory-old-umbrella-chart"));
    Files.createDirectories(repo.resolve(".factory-staging-123/charts/hello"));
    Files.createDirectories(repo.resolve("charts/.factory-new-456"));
    Files.writeString(repo.resolve("charts/.factory-new-456/Chart.yaml"), chartYaml);
    Files.createDirectories(repo.resolve("charts/.factory-old-hello"));
    Files.writeString(repo.resolve("charts/.factory-old-hello/Chart.yaml"), chartYaml);

    CliRun run = CliRun.of("generate-all", "--repo", repo.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("up to date: nothing changed").doesNotContain(".factory-");
    assertThat(temporaryFolders()).isEmpty();
    assertThat(CliRun.of("check", "--repo", repo.toString(), "--quiet").exitCode()).isZero();
  }

  @Test
  void aRunWhileAnotherHoldsTheLock_waitsThenExitsThree_namingTheHoldersPid() throws Exception {
    System.setProperty("factory.lock.timeout", "1");
    try (RepoLock held = RepoLock.acquire(repo, "a test", PipelineListener.SILENT)) {
      CliRun run = CliRun.of("generate-all", "--repo", repo.toString(), "--skip-validation");

      assertThat(run.exitCode()).isEqualTo(3);
      long pid = ProcessHandle.current().pid();
      assertThat(run.err()).contains("waiting for another factory run (pid " + pid)
          .contains("pid " + pid + ", a test").contains("FACTORY_LOCK_TIMEOUT");
      assertThat(repo.resolve("charts")).doesNotExist();
    } finally {
      System.clearProperty("factory.lock.timeout");
    }
  }

  /** The CLI's main in a new JVM; a first argument "-D…" is a system property for it. */
  private Process cli(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "-XX:TieredStopAtLevel=1"));
    List<String> rest = List.of(args);
    if (args[0].startsWith("-D")) {
      command.add(args[0]);
      rest = rest.subList(1, rest.size());
    }
    command.add(FactoryCli.class.getName());
    command.addAll(rest);
    return new ProcessBuilder(command).redirectErrorStream(true).directory(temp.toFile()).start();
  }

  /** The tool's temporary folders anywhere in the config repo. */
  private List<String> temporaryFolders() throws IOException {
    try (Stream<Path> files = Files.walk(repo)) {
      return files.filter(path -> path.getFileName().toString().startsWith(".factory-"))
          .map(path -> repo.relativize(path).toString().replace(File.separatorChar, '/')).toList();
    }
  }
}
