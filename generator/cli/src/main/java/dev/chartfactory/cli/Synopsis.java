package dev.chartfactory.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/**
 * The one-line synopsis of a command, read from its annotations, e.g.
 * {@code usage: factory deploy --env ENV [--repo REPO] [--dry-run]}: printed under a usage error
 * so the fix is on the screen.
 */
final class Synopsis {

  private Synopsis() {}

  /** The synopsis of the command with this name ({@code check}, {@code new app}), if there is one. */
  static Optional<String> of(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Class<?> owner : DirectRunner.COMMAND_CLASSES) {
      for (Method method : owner.getMethods()) {
        Command command = method.getAnnotation(Command.class);
        if (command != null && String.join(" ", command.name()).equals(name)) {
          return Optional.of(of(name, method));
        }
      }
    }
    return Optional.empty();
  }

  static String of(String name, Method method) {
    List<String> words = new ArrayList<>(List.of("usage: factory", name));
    for (Parameter parameter : method.getParameters()) {
      Argument argument = parameter.getAnnotation(Argument.class);
      if (argument != null) {
        String word = argument.description().toUpperCase().replace(' ', '_');
        words.add(argument.defaultValue().isEmpty() ? word : "[" + word + "]");
      }
    }
    for (Parameter parameter : method.getParameters()) {
      Option option = parameter.getAnnotation(Option.class);
      if (option == null) {
        continue;
      }
      boolean flag = parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
      String word = "--" + option.longName()
          + (flag ? "" : " " + option.longName().toUpperCase().replace('-', '_'));
      words.add(option.required() ? word : "[" + word + "]");
    }
    return String.join(" ", words);
  }
}
