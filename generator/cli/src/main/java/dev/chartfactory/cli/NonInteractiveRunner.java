package dev.chartfactory.cli;

import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.error.UsageException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Runs one command from the process arguments and keeps its exit status, which Spring Shell's
 * own non-interactive runner drops. Unknown options are an error, not silently ignored. With no
 * arguments, hands over to the interactive shell.
 */
@Component
public class NonInteractiveRunner implements ApplicationRunner {

  private final CommandParser parser;
  private final CommandRegistry registry;
  private final CommandOutcome outcome;
  private final ExitCodes exitCodes;
  private final ObjectProvider<ShellRunner> interactiveShell;

  public NonInteractiveRunner(CommandParser parser, CommandRegistry registry, CommandOutcome outcome,
      ExitCodes exitCodes, ObjectProvider<ShellRunner> interactiveShell) {
    this.parser = parser;
    this.registry = registry;
    this.outcome = outcome;
    this.exitCodes = exitCodes;
    this.interactiveShell = interactiveShell;
  }

  @Override
  public void run(ApplicationArguments arguments) throws Exception {
    String[] args = arguments.getSourceArgs();
    if (args.length == 0) {
      interactiveShell.getObject().run(args);
      return;
    }
    outcome.record(execute(args));
  }

  private int execute(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    ParsedInput input;
    try {
      input = parser.parse(quote(args));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage() + " (see 'factory help')");
      return ExitCodes.INVALID_INPUT;
    }
    String name = input.commandName()
        + (input.subCommands().isEmpty() ? "" : " " + String.join(" ", input.subCommands()));
    Command command = registry.getCommandByName(name);
    if (command == null && registry.getCommandsByPrefix(name).isEmpty()) {
      List<String> names = registry.getCommands().stream().map(Command::getName).sorted().toList();
      String hint = Suggestions.hint(name, names);
      System.err.println("error: unknown command '" + name + "'" + (hint == null ? "" : "; " + hint)
          + " (see 'factory help')");
      return ExitCodes.INVALID_INPUT;
    }
    if (command != null) {
      Set<String> known = command.getOptions().stream().map(CommandOption::longName)
          .collect(Collectors.toSet());
      known.add("help");
      for (CommandOption option : input.options()) {
        if (option.longName() != null && !option.longName().isEmpty() && !known.contains(option.longName())) {
          String hint = Suggestions.hint(option.longName(), known);
          return exitCodes.forCommand(name).apply(new UsageException("", "unknown option '--"
              + option.longName() + "'", hint == null ? null : hint.replace("'", "'--").replace("'--?", "'?"))).code();
        }
      }
    }
    exitCodes.forCommand(command == null ? null : name);
    try {
      ExitStatus status = new CommandExecutor(registry).execute(
          new CommandContext(input, registry, out, new org.springframework.shell.core.InputReader() { }));
      out.flush();
      return status.code() == ExitStatus.USAGE_ERROR.code() ? ExitCodes.INVALID_INPUT : status.code();
    } catch (RuntimeException e) {
      return exitCodes.apply(e).code();
    }
  }

  /** Joins arguments the way Spring Shell's parser splits them, keeping spaces inside values. */
  static String quote(String[] args) {
    List<String> words = new ArrayList<>();
    for (String arg : args) {
      boolean needsQuotes = arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) || arg.contains("\"");
      if (!needsQuotes) {
        words.add(arg);
        continue;
      }
      int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String prefix = equals > 0 ? arg.substring(0, equals + 1) : "";
      String value = equals > 0 ? arg.substring(equals + 1) : arg;
      words.add(prefix + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    return String.join(" ", words);
  }
}
