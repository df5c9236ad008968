package dev.chartfactory.cli;

import dev.chartfactory.core.api.ToolVersions;
import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.error.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * {@code help}, {@code version} and {@code completion}: about the tool itself. They replace Spring
 * Shell's built-in help and version (which describe Spring Shell), in the prompt as on the
 * command line.
 */
@Component
public class ToolCommands {

  @Command(name = "help", group = "Tool", exitStatusExceptionMapper = "factoryExceptions",
      description = "Show the commands, or one command's arguments and options")
  public String help(
      @Argument(index = 0, defaultValue = " ", description = "command, e.g. generate-all or new") String command,
      @Argument(index = 1, defaultValue = " ", description = "sub-command, e.g. app in 'new app'") String sub) {
    HelpText help = new HelpText(catalog());
    String name = (command.strip() + " " + sub.strip()).strip();
    if (name.isEmpty()) {
      return help.overview().stripTrailing();
    }
    CommandCatalog.Entry entry = catalog().find(name).or(() -> catalog().find(command.strip()))
        .orElseThrow(() -> new UsageException("unknown command '" + name + "'"
            + hint(name) + " (see 'factory --help')"));
    return help.command(entry).stripTrailing();
  }

  @Command(name = "version", group = "Tool", exitStatusExceptionMapper = "factoryExceptions",
      description = "Show Chart Factory's version, the helm it runs and the schemas it validates against")
  public String version() {
    ToolVersions tools = ToolVersions.detect();
    return "Chart Factory " + factoryVersion() + "\n"
        + "helm: " + tools.helm() + "\n"
        + "schemas: " + tools.schemas() + "\n"
        + "java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
  }

  @Command(name = "completion", group = "Tool", exitStatusExceptionMapper = "factoryExceptions",
      description = "Print a shell completion script: bash | zsh | fish")
  public String completion(@Argument(index = 0, description = "shell: bash | zsh | fish") String shell) {
    CompletionScripts scripts = new CompletionScripts(catalog());
    return switch (shell) {
      case "bash" -> scripts.bash();
      case "zsh" -> scripts.zsh();
      case "fish" -> scripts.fish();
      default -> throw new UsageException("'" + shell + "' is not a shell this command knows (expected one of: bash, zsh, fish)");
    };
  }

  static CommandCatalog catalog() {
    return CommandCatalog.of(DirectRunner.COMMAND_CLASSES);
  }

  private static String hint(String name) {
    String hint = Suggestions.hint(name,
        catalog().commands().stream().map(CommandCatalog.Entry::name).toList());
    return hint == null ? "" : "; " + hint;
  }

  /** The project version the jar was built as (Maven filters it into the resource). */
  static String factoryVersion() {
    try (InputStream in = ToolCommands.class.getResourceAsStream("/factory-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version", "");
      return version.isEmpty() || version.startsWith("${") ? "(unknown version)" : version;
    } catch (IOException e) {
      return "(unknown version)";
    }
  }
}
