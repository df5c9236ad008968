package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help, version and completion as helm and kubectl users expect them. The help of every command
 * is compared with reviewed golden files under {@code src/test/resources/help/}; after a
 * deliberate change run with {@code -Dgolden.update=true} and read the diff before committing.
 */
class HelpAndCompletionTest {

  private static final Path GOLDEN = Path.of("src/test/resources/help");

  @TempDir
  Path temp;

  @Test
  void everyCommandsHelp_isTheReviewedText_withHelpAndDashHAndHelpCommandAgreeing() throws IOException {
    List<String> mismatches = new ArrayList<>();
    compare("factory.txt", CliRun.of("--help"), mismatches);
    for (CommandCatalog.Entry command : ToolCommands.catalog().commands()) {
      String file = command.name().replace(' ', '-') + ".txt";
      CliRun help = CliRun.of((command.name() + " --help").split(" "));
      compare(file, help, mismatches);
      assertThat(CliRun.of((command.name() + " -h").split(" ")).out()).as(command.name() + " -h").isEqualTo(help.out());
      assertThat(CliRun.of(("help " + command.name()).split(" ")).out()).as("help " + command.name()).isEqualTo(help.out());
    }
    assertThat(CliRun.of("-h").out()).isEqualTo(CliRun.of("--help").out()).isEqualTo(CliRun.of("help").out());
    assertThat(mismatches).as("help texts that differ from the golden files").isEmpty();
  }

  private static void compare(String file, CliRun run, List<String> mismatches) throws IOException {
    assertThat(run.exitCode()).as(file + ": " + run.err()).isZero();
    assertThat(run.err()).as(file).isEmpty();
    Path golden = GOLDEN.resolve(file);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, run.out());
    } else if (!Files.isRegularFile(golden) || !Files.readString(golden).equals(run.out())) {
      mismatches.add(file);
    }
  }

  @Test
  void help_showsRequiredOptionsBare_optionalInBrackets_positionalsInAngles_andDefaults() {
    String deploy = CliRun.of("deploy", "--help").out();
    assertThat(deploy).contains("factory deploy --env ENV [--repo DIR|URL]", "(required)", "(default: 10m)")
        .doesNotContain("[--env").doesNotContain("default = ]");
    assertThat(CliRun.of("new", "app", "--help").out()).contains("factory new app <NAME>", "<NAME>");
    assertThat(CliRun.of("generate", "--help").out()).contains("factory generate <APP>", "-q, --quiet");
  }

  @Test
  void version_namesChartFactory_itsHelm_andItsSchemas_notSpringShell() {
    CliRun version = CliRun.of("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("Chart Factory ").contains("helm: v3.", "schemas: Kubernetes 1.30")
        .doesNotContain("(unknown version)");
    assertThat(CliRun.of("version").out()).isEqualTo(version.out());
  }

  @Test
  void usageErrors_sayWhatIsWrong_andShowTheSynopsis_notASpecProblem() {
    CliRun missing = CliRun.of("generate");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("error: generate: missing argument", "usage: factory generate <APP>")
        .doesNotContain("spec file");
    CliRun unknownShort = CliRun.of("generate-all", "-x");
    assertThat(unknownShort.exitCode()).isEqualTo(1);
    assertThat(unknownShort.err()).contains("unknown option '-x'", "usage: factory generate-all");
    CliRun shell = CliRun.of("completion", "ksh");
    assertThat(shell.exitCode()).isEqualTo(1);
    assertThat(shell.err()).contains("'ksh' is not a shell", "bash, zsh, fish");
  }

  @Test
  void dashQ_isQuiet() {
    CliRun quiet = CliRun.of("validate", "--specs-only", "-q", "--repo", CliRepos.projectRoot().resolve("examples/small").toString());
    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void bashCompletion_registersItself_andCompletesCommandsOptionsValuesAndEnvironments() throws Exception {
    Path script = temp.resolve("factory.bash");
    Files.writeString(script, CliRun.of("completion", "bash").out());
    Path repo = CliRepos.projectRoot().resolve("examples/small");

    assertThat(bash(script, "complete -p factory")).isEqualTo("complete -o default -F _factory factory");
    assertThat(complete(script, "factory gen")).isEqualTo("generate generate-all");
    assertThat(complete(script, "factory new ")).isEqualTo("app component");
    assertThat(complete(script, "factory generate-all --d")).isEqualTo("--dry-run");
    assertThat(complete(script, "factory check --output ")).isEqualTo("markdown text");
    assertThat(complete(script, "factory gitops --format argocd-")).isEqualTo("argocd-appset");
    assertThat(complete(script, "factory diff --repo " + repo + " --env ")).isEqualTo(environments(repo));
    assertThat(complete(script, "factory generate --repo " + repo + " ")).isEqualTo("");
    assertThat(complete(script, "factory completion ")).isEqualTo("bash fish zsh");
  }

  @Test
  void zshAndFishScripts_areMadeFromTheSameCatalog() {
    String zsh = CliRun.of("completion", "zsh").out();
    assertThat(zsh).startsWith("#compdef factory\n").contains("bashcompinit", "complete -o default -F _factory factory");
    String fish = CliRun.of("completion", "fish").out();
    assertThat(fish).contains("complete -c factory -n __fish_use_subcommand -a generate-all",
        "complete -c factory -n '__fish_seen_subcommand_from check' -l output -x -a 'text markdown'",
        "-l quiet -s q");
  }

  private static String environments(Path repo) throws IOException {
    try (var files = Files.list(repo.resolve("environments"))) {
      return String.join(" ", files.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList());
    }
  }

  /** What Tab offers after {@code line}: COMPREPLY of the script's function, sorted. */
  private static String complete(Path script, String line) throws Exception {
    String words = line.endsWith(" ") ? line + "''" : line;
    return bash(script, "COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _factory; "
        + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | paste -sd' '");
  }

  private static String bash(Path script, String command) throws Exception {
    Process process = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", "source '" + script + "'; " + command)
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }
}
