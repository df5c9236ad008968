package dev.chartfactory.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * What the command classes declare with {@code @Command}, {@code @Option} and {@code @Argument},
 * read once into plain records: the one source for help, usage lines and completion scripts, so
 * they cannot disagree with what {@link DirectRunner} accepts.
 */
record CommandCatalog(List<CommandCatalog.Entry> commands) {

  /** The order groups are shown in: the everyday loop first. */
  static final List<String> GROUP_ORDER = List.of("Specs", "Charts", "Deploy", "Cluster", "Tool");

  record OptionSpec(String longName, char shortName, String description, boolean required, String defaultValue,
      boolean flag, String valueName) {

    /** {@code --repo DIR}, {@code -q, --quiet}. */
    String signature() {
      String shortPart = shortName == ' ' || shortName == 0 ? "" : "-" + shortName + ", ";
      return shortPart + "--" + longName + (flag ? "" : " " + valueName);
    }
  }

  record ArgumentSpec(int index, String name, String description, boolean optional) {}

  record Entry(String name, String group, String description, List<ArgumentSpec> arguments,
      List<OptionSpec> options) {

    /** {@code factory generate <APP> [--repo DIR] [-q]}: required options bare, optional in brackets. */
    String synopsis() {
      StringBuilder line = new StringBuilder("factory ").append(name);
      for (ArgumentSpec argument : arguments) {
        line.append(' ').append(argument.optional() ? "[<" + argument.name() + ">]" : "<" + argument.name() + ">");
      }
      for (OptionSpec option : options) {
        String word = option.shortName() != 0 && option.shortName() != ' ' && option.flag()
            ? "-" + option.shortName() : "--" + option.longName() + (option.flag() ? "" : " " + option.valueName());
        line.append(' ').append(option.required() ? word : "[" + word + "]");
      }
      return line.toString();
    }

    Optional<OptionSpec> option(String longName) {
      return options.stream().filter(o -> o.longName().equals(longName)).findFirst();
    }
  }

  static CommandCatalog of(List<Class<?>> commandClasses) {
    List<Entry> entries = new ArrayList<>();
    for (Class<?> owner : commandClasses) {
      for (Method method : owner.getMethods()) {
        Command command = method.getAnnotation(Command.class);
        if (command != null && !command.hidden()) {
          entries.add(entry(command, method));
        }
      }
    }
    entries.sort(Comparator.comparingInt((Entry e) -> groupRank(e.group())).thenComparing(Entry::name));
    return new CommandCatalog(List.copyOf(entries));
  }

  Optional<Entry> find(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  static int groupRank(String group) {
    int rank = GROUP_ORDER.indexOf(group);
    return rank < 0 ? GROUP_ORDER.size() : rank;
  }

  private static Entry entry(Command command, Method method) {
    List<ArgumentSpec> arguments = new ArrayList<>();
    List<OptionSpec> options = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      Argument argument = parameter.getAnnotation(Argument.class);
      Option option = parameter.getAnnotation(Option.class);
      if (argument != null) {
        arguments.add(new ArgumentSpec(argument.index(), argumentName(parameter, argument.description()),
            argument.description(), !argument.defaultValue().isEmpty()));
      } else if (option != null) {
        boolean flag = parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
        options.add(new OptionSpec(option.longName(), option.shortName(), option.description(), option.required(),
            option.defaultValue(), flag, valueName(option.longName(), parameter.getType())));
      }
    }
    arguments.sort(Comparator.comparingInt(ArgumentSpec::index));
    // Required options first, then the rest as declared.
    List<OptionSpec> ordered = new ArrayList<>(options.stream().filter(OptionSpec::required).toList());
    options.stream().filter(o -> !o.required()).forEach(ordered::add);
    return new Entry(String.join(" ", command.name()), command.group(), command.description(),
        List.copyOf(arguments), List.copyOf(ordered));
  }

  /**
   * The parameter's own name ({@code NAME}, {@code APP}) when the classes were compiled with
   * {@code -parameters}, else the description's first word.
   */
  private static String argumentName(Parameter parameter, String description) {
    String first = parameter.isNamePresent() ? parameter.getName() : description.split("[ (]", 2)[0];
    return (first.isBlank() ? "ARG" : first).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  private static String valueName(String longName, Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "N";
    }
    return switch (longName) {
      case "repo" -> "DIR|URL";
      case "env" -> "ENV";
      case "kubeconfig" -> "FILE";
      case "output", "format" -> "FORMAT";
      case "timeout" -> "DURATION";
      case "author" -> "\"NAME <EMAIL>\"";
      case "ref", "base", "from", "to", "revision", "pr-branch" -> "REF";
      case "repo-url" -> "URL";
      default -> longName.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    };
  }
}
