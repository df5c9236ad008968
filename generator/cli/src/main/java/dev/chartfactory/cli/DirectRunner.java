package dev.chartfactory.cli;

import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.error.UsageException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * Runs one command straight from the process arguments, without starting Spring: the command
 * classes are plain objects and their {@code @Command}/{@code @Option}/{@code @Argument}
 * annotations say everything needed to call them. Starting the Spring context and Spring Shell
 * costs about a second per run, which is most of a {@code check} in CI. Anything this runner
 * does not handle itself ({@code help}, no arguments, an unknown command, {@code --help}) goes to
 * the Spring Shell path, which stays the reference.
 */
final class DirectRunner {

  /** Every class holding commands; each has a no-argument constructor. */
  static final List<Class<?>> COMMAND_CLASSES = List.of(SpecCommands.class, GenerateCommands.class,
      DiffCommands.class, SyncCommands.class, GitOpsCommands.class, ReleaseCommands.class, ToolCommands.class);

  private record Target(Class<?> owner, Method method) {}

  private final Map<String, Target> commands = new LinkedHashMap<>();
  private final Runnable beforeCommand;

  DirectRunner() {
    this(() -> { });
  }

  /** {@code beforeCommand} runs once the arguments name a command this runner handles. */
  DirectRunner(Runnable beforeCommand) {
    this.beforeCommand = beforeCommand;
    for (Class<?> owner : COMMAND_CLASSES) {
      for (Method method : owner.getMethods()) {
        Command command = method.getAnnotation(Command.class);
        if (command != null) {
          commands.put(String.join(" ", command.name()), new Target(owner, method));
        }
      }
    }
  }

  /** The command names, e.g. {@code check}, {@code new app}. */
  Set<String> names() {
    return new TreeSet<>(commands.keySet());
  }

  /** The exit code, or empty when the Spring Shell path should run the arguments instead. */
  Optional<Integer> run(String[] args) {
    if (args.length == 0) {
      return Optional.empty();
    }
    if (args[0].equals("--version")) {
      args = new String[] {"version"};
    } else if (args[0].equals("--help") || args[0].equals("-h")) {
      List<String> rest = List.of(args).subList(1, args.length);
      args = java.util.stream.Stream.concat(java.util.stream.Stream.of("help"), rest.stream()).toArray(String[]::new);
    }
    String name = args.length > 1 && commands.containsKey(args[0] + " " + args[1]) ? args[0] + " " + args[1] : args[0];
    Target target = commands.get(name);
    if (target == null) {
      return Optional.empty();
    }
    beforeCommand.run();
    int first = name.split(" ").length;
    List<String> words = List.of(args).subList(first, args.length);
    if (words.contains("--help") || words.contains("-h")) {
      String[] help = ("help " + name).split(" ");
      args = help;
      name = "help";
      target = commands.get(name);
      words = List.of(args).subList(1, args.length);
    }
    Object[] values;
    try {
      values = bind(name, target.method(), words);
    } catch (UsageException usage) {
      return Optional.of(new ExitCodes().forCommand(name).apply(usage).code());
    }
    try {
      Object result = target.method().invoke(target.owner().getDeclaredConstructor().newInstance(), values);
      if (result != null && !result.toString().isEmpty()) {
        System.out.println(result);
      }
      System.out.flush();
      return Optional.of(ExitCodes.OK);
    } catch (InvocationTargetException e) {
      System.out.flush();
      Throwable failure = e.getCause();
      if (failure instanceof Exception exception) {
        return Optional.of(new ExitCodes().forCommand(name).apply(exception).code());
      }
      throw (Error) failure;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call command '" + name + "'", e);
    }
  }

  /** The method's arguments from the words after the command name, as Spring Shell binds them. */
  static Object[] bind(String name, Method method, List<String> words) {
    Parameter[] parameters = method.getParameters();
    Map<String, Parameter> byOption = new LinkedHashMap<>();
    Map<String, Parameter> byShort = new LinkedHashMap<>();
    List<Parameter> positional = new ArrayList<>();
    for (Parameter parameter : parameters) {
      Option option = parameter.getAnnotation(Option.class);
      if (option != null) {
        byOption.put(option.longName(), parameter);
        if (option.shortName() != 0 && option.shortName() != ' ') {
          byShort.put("-" + option.shortName(), parameter);
        }
      } else if (parameter.getAnnotation(Argument.class) != null) {
        positional.add(parameter);
      }
    }
    positional.sort((a, b) -> Integer.compare(a.getAnnotation(Argument.class).index(),
        b.getAnnotation(Argument.class).index()));
    Map<Parameter, String> given = new LinkedHashMap<>();
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (byShort.containsKey(word) && isBoolean(byShort.get(word))) {
        given.put(byShort.get(word), "true");
        continue;
      }
      if (word.length() == 2 && word.charAt(0) == '-' && Character.isLetter(word.charAt(1))) {
        throw usage("unknown option '" + word + "'");
      }
      if (!word.startsWith("--")) {
        arguments.add(word);
        continue;
      }
      int equals = word.indexOf('=');
      String optionName = word.substring(2, equals < 0 ? word.length() : equals);
      Parameter parameter = byOption.get(optionName);
      if (parameter == null) {
        String hint = Suggestions.hint(optionName, byOption.keySet());
        throw usage("unknown option '--" + optionName + "'"
            + (hint == null ? "" : "; " + hint.replace("'", "'--").replace("'--?", "'?")));
      }
      String value;
      if (equals >= 0) {
        value = word.substring(equals + 1);
      } else if (isBoolean(parameter)) {
        value = "true";
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw usage("option '--" + optionName + "' needs a value");
      }
      given.put(parameter, value);
    }
    if (arguments.size() > positional.size()) {
      throw usage("unexpected argument '" + arguments.get(positional.size()) + "'");
    }
    Object[] values = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      Option option = parameter.getAnnotation(Option.class);
      String text;
      if (option != null) {
        text = given.containsKey(parameter) ? given.get(parameter)
            : option.defaultValue().isEmpty() ? null : option.defaultValue();
        if (text == null && option.required()) {
          throw usage("missing option '--" + option.longName() + "'");
        }
      } else {
        int index = positional.indexOf(parameter);
        Argument argument = parameter.getAnnotation(Argument.class);
        text = index < arguments.size() ? arguments.get(index)
            : argument == null || argument.defaultValue().isEmpty() ? null : argument.defaultValue();
        if (text == null) {
          throw usage("missing argument: " + (argument == null ? "" : argument.description()));
        }
      }
      values[i] = convert(parameter, text);
    }
    return values;
  }

  private static UsageException usage(String message) {
    return new UsageException("", message);
  }

  private static boolean isBoolean(Parameter parameter) {
    return parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
  }

  private static Object convert(Parameter parameter, String text) {
    Class<?> type = parameter.getType();
    if (isBoolean(parameter)) {
      if (text == null) {
        return false;
      }
      if (!text.equals("true") && !text.equals("false")) {
        throw usage("'" + text + "' is not true or false");
      }
      return Boolean.parseBoolean(text);
    }
    if (type == int.class || type == Integer.class) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw usage("'" + text + "' is not a whole number");
      }
    }
    return text;
  }
}
