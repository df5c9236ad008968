package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands run without Spring must behave as through Spring Shell: same commands, same
 * defaults, same results and exit codes.
 */
class DirectRunnerTest {

  /** Spring Shell's own commands for the prompt; its help and version are replaced by ToolCommands. */
  private static final Set<String> BUILT_INS = Set.of("clear", "script", "quit", "exit");

  @TempDir Path temp;

  @Test
  void everyCommandSpringShellKnows_runsDirectly() {
    SpringApplication application = new SpringApplication(FactoryCli.class);
    application.setBannerMode(Banner.Mode.OFF);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setDefaultProperties(Map.of("spring.shell.interactive.enabled", "false",
        "spring.shell.command.help.enabled", "false", "spring.shell.command.version.enabled", "false"));
    Set<String> registered = new TreeSet<>();
    try (ConfigurableApplicationContext context = application.run("version")) {
      context.getBean(CommandRegistry.class).getCommands().forEach(c -> registered.add(c.getName()));
    }
    registered.removeAll(BUILT_INS);
    assertThat(registered).hasSizeGreaterThan(10);
    assertThat(new DirectRunner().names()).containsExactlyInAnyOrderElementsOf(registered);
  }

  @Test
  void sameOutputAndExitCode_withAndWithoutSpring() {
    Path repo = CliRepos.copyOfExample("small", temp);
    List<String[]> runs = List.of(
        new String[] {"validate", "--repo", repo.toString(), "--specs-only"},
        new String[] {"validate", "--repo=" + repo, "--specs-only", "--output", "json"},
        new String[] {"check", "--repo", repo.toString(), "--quiet"},
        new String[] {"new", "app", "Bad_Name", "--repo", repo.toString()},
        new String[] {"gitops", "--repo", repo.toString()},
        new String[] {"validate", "--repo", repo.toString(), "--specz-only"});
    for (String[] args : runs) {
      CliRun direct = CliRun.of(args);
      CliRun spring = withSpring(args);
      assertThat(direct.exitCode()).as(Arrays.toString(args) + "\n" + direct.err()).isEqualTo(spring.exitCode());
      assertThat(direct.out()).as(Arrays.toString(args)).isEqualTo(spring.out());
    }
  }

  @Test
  void bind_appliesDefaults_flags_andPositionalArguments() throws Exception {
    Method newApp = method("new app");
    Object[] values = DirectRunner.bind("new app", newApp, List.of("shop", "--type", "worker"));
    assertThat(values).containsExactly("shop", "web", "worker", ".");

    Method check = method("check");
    assertThat(DirectRunner.bind("check", check, List.of("--quiet"))).containsExactly(".", null, "text", true);
    assertThat(DirectRunner.bind("check", check, List.of("--quiet=false", "--base=main")))
        .containsExactly(".", "main", "text", false);
  }

  @Test
  void bind_rejectsWhatSpringShellWouldNot() throws Exception {
    assertThatThrownBy(() -> DirectRunner.bind("check", method("check"), List.of("--bsae", "main")))
        .hasMessage("unknown option '--bsae'; did you mean '--base'?");
    assertThatThrownBy(() -> DirectRunner.bind("check", method("check"), List.of("--base")))
        .hasMessage("option '--base' needs a value");
    assertThatThrownBy(() -> DirectRunner.bind("rollback", method("rollback"), List.of()))
        .hasMessage("missing option '--to'");
    assertThatThrownBy(() -> DirectRunner.bind("rollback", method("rollback"), List.of("--to", "two")))
        .hasMessage("'two' is not a whole number");
    assertThatThrownBy(() -> DirectRunner.bind("check", method("check"), List.of("extra")))
        .hasMessage("unexpected argument 'extra'");
  }

  private static Method method(String command) {
    for (Class<?> owner : DirectRunner.COMMAND_CLASSES) {
      for (Method method : owner.getMethods()) {
        var annotation = method.getAnnotation(org.springframework.shell.core.command.annotation.Command.class);
        if (annotation != null && String.join(" ", annotation.name()).equals(command)) {
          return method;
        }
      }
    }
    throw new IllegalArgumentException(command);
  }

  private static CliRun withSpring(String... args) {
    System.setProperty("factory.spring", "true");
    try {
      return CliRun.of(args);
    } finally {
      System.clearProperty("factory.spring");
    }
  }
}
