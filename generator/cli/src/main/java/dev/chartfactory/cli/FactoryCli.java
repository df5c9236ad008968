package dev.chartfactory.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code factory}: with arguments it runs one command and exits with its code (scripts, CI,
 * make); without arguments it opens the interactive Spring Shell prompt.
 */
@SpringBootApplication
public class FactoryCli {

  public static void main(String[] args) {
    // This JVM runs one command and exits, so a command run without Spring may log without
    // logback (tests share their JVM with the Spring path, which needs it).
    System.exit(run(args, StderrLogging::install));
  }

  /**
   * Runs the CLI and returns the exit code, without exiting the JVM (used by tests). A command
   * with arguments runs without Spring ({@link DirectRunner}) unless the system property
   * {@code factory.spring} is true; help, the prompt and unknown commands go through Spring Shell.
   */
  public static int run(String... args) {
    return run(args, () -> { });
  }

  private static int run(String[] args, Runnable beforeDirectCommand) {
    if (!Boolean.getBoolean("factory.spring")) {
      java.util.Optional<Integer> direct = new DirectRunner(beforeDirectCommand).run(args);
      if (direct.isPresent()) {
        return direct.get();
      }
    }
    boolean interactive = args.length == 0;
    SpringApplication application = new SpringApplication(FactoryCli.class);
    application.setBannerMode(Banner.Mode.OFF);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setLogStartupInfo(false);
    application.setDefaultProperties(java.util.Map.of(
        "spring.shell.interactive.enabled", String.valueOf(interactive),
        // ToolCommands' help and version describe Chart Factory; Spring Shell's describe Spring Shell.
        "spring.shell.command.help.enabled", "false",
        "spring.shell.command.version.enabled", "false",
        "logging.level.root", "WARN",
        "spring.main.lazy-initialization", "true"));
    try (ConfigurableApplicationContext context = application.run(args)) {
      return context.getBean(CommandOutcome.class).exitCode();
    }
  }
}
