package dev.chartfactory.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one help renderer, for {@code factory --help}, {@code factory CMD --help} and the prompt's
 * {@code help}: usage synopsis, arguments, options with their defaults, and an example, laid out
 * as helm and kubectl users expect. Spring Shell's own help is switched off.
 */
final class HelpText {

  private static final int WIDTH = 100;

  /** One example per command, as a user would type it from the repo's root. */
  private static final Map<String, String> EXAMPLES = Map.ofEntries(
      Map.entry("validate", "factory validate --repo examples/shop"),
      Map.entry("new app", "factory new app orders --component api --type webapp"),
      Map.entry("new component", "factory new component orders nightly-report --type cron"),
      Map.entry("generate-all", "factory generate-all --repo examples/shop"),
      Map.entry("generate", "factory generate catalog --repo examples/shop"),
      Map.entry("check", "factory check --base origin/main --output markdown"),
      Map.entry("diff", "factory diff --from origin/main --env prod"),
      Map.entry("sync", "factory sync --repo examples/shop"),
      Map.entry("gitops", "factory gitops --format argocd --repo-url https://git.example.com/platform.git"),
      Map.entry("deploy", "factory deploy --env dev"),
      Map.entry("status", "factory status --kubeconfig ~/.kube/dev.yaml"),
      Map.entry("history", "factory history"),
      Map.entry("rollback", "factory rollback --to 3"),
      Map.entry("uninstall", "factory uninstall --yes"),
      Map.entry("help", "factory help generate-all"),
      Map.entry("version", "factory version"),
      Map.entry("completion", "source <(factory completion bash)"));

  private final CommandCatalog catalog;

  HelpText(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  /** {@code factory --help}: every command by group, in a fixed order. */
  String overview() {
    StringBuilder text = new StringBuilder();
    text.append("Chart Factory: specs in a Git config repo -> validated Helm charts, committed back.\n\n");
    text.append("Usage:\n  factory <COMMAND> [OPTIONS]\n  factory                    interactive prompt\n");
    int width = catalog.commands().stream().mapToInt(c -> c.name().length()).max().orElse(10) + 4;
    String group = null;
    for (CommandCatalog.Entry command : catalog.commands()) {
      if (!command.group().equals(group)) {
        group = command.group();
        text.append('\n').append(group).append(" commands:\n");
      }
      text.append(wrap(pad(command.name(), width) + command.description(), "  ",
          "  " + " ".repeat(width)));
    }
    text.append("\nFlags:\n");
    text.append("  ").append(pad("-h, --help", width)).append("show help (also: factory <COMMAND> --help)\n");
    text.append("  ").append(pad("--version", width)).append("show Chart Factory's version\n");
    text.append("\nExit codes: 0 ok, 1 invalid input, 2 stale output, 3 Git or Helm failure.\n");
    text.append("Run 'factory <COMMAND> --help' for a command's arguments and options.\n");
    return text.toString();
  }

  /** {@code factory CMD --help}. */
  String command(CommandCatalog.Entry command) {
    StringBuilder text = new StringBuilder();
    text.append(wrap(command.description(), "", "")).append("\nUsage:\n").append(wrap(command.synopsis(), "  ", "      "));
    List<String[]> rows = new ArrayList<>();
    for (CommandCatalog.ArgumentSpec argument : command.arguments()) {
      rows.add(new String[] {"<" + argument.name() + ">", argument.description()});
    }
    int width = 0;
    List<String[]> optionRows = new ArrayList<>();
    for (CommandCatalog.OptionSpec option : command.options()) {
      String description = option.description();
      if (option.required()) {
        description += " (required)";
      } else if (!option.flag() && !option.defaultValue().isEmpty()) {
        description += " (default: " + option.defaultValue() + ")";
      }
      optionRows.add(new String[] {option.signature(), description});
    }
    optionRows.add(new String[] {"-h, --help", "show this help"});
    for (String[] row : rows) {
      width = Math.max(width, row[0].length());
    }
    for (String[] row : optionRows) {
      width = Math.max(width, row[0].length());
    }
    width += 3;
    if (!rows.isEmpty()) {
      text.append("\nArguments:\n");
      for (String[] row : rows) {
        text.append(wrap(pad(row[0], width) + row[1], "  ", "  " + " ".repeat(width)));
      }
    }
    text.append("\nOptions:\n");
    for (String[] row : optionRows) {
      text.append(wrap(pad(row[0], width) + row[1], "  ", "  " + " ".repeat(width)));
    }
    String example = EXAMPLES.get(command.name());
    if (example != null) {
      text.append("\nExample:\n  ").append(example).append('\n');
    }
    return text.toString();
  }

  /** The line a usage error ends with. */
  String usageHint(CommandCatalog.Entry command) {
    return wrap("usage: " + command.synopsis(), "", "    ") + "(see 'factory " + command.name() + " --help')";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }

  /** Wraps at spaces to {@link #WIDTH} columns; never inside a bracketed option. */
  private static String wrap(String text, String firstIndent, String nextIndent) {
    StringBuilder out = new StringBuilder(firstIndent);
    int column = firstIndent.length();
    List<String> words = words(text);
    boolean first = true;
    for (String word : words) {
      if (!first && column + 1 + word.length() > WIDTH) {
        out.append('\n').append(nextIndent);
        column = nextIndent.length();
      } else if (!first) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
      first = false;
    }
    return out.append('\n').toString();
  }

  /** Words split at spaces outside brackets, quotes and the padding between columns. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '[' || c == '<') {
        depth++;
      } else if (c == ']' || c == '>') {
        depth = Math.max(0, depth - 1);
      }
      // A run of spaces (the column padding) stays part of the word it follows.
      if (c == ' ' && depth == 0 && !quoted && (i + 1 >= text.length() || text.charAt(i + 1) != ' ')
          && (i == 0 || text.charAt(i - 1) != ' ')) {
        words.add(word.toString());
        word.setLength(0);
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }
}
