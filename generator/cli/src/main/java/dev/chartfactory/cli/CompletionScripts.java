package dev.chartfactory.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Shell completion scripts made from the {@link CommandCatalog}: command names, sub-commands,
 * each command's options, the values an option lists in its description ({@code text | json}),
 * environment names from the config repo's {@code environments/} folder, files elsewhere.
 */
final class CompletionScripts {

  /** An option whose description starts "a | b | c" takes one of those words. */
  private static final Pattern CHOICES = Pattern.compile("^([a-z0-9-]+(?: \\| [a-z0-9-]+)+)");

  private final CommandCatalog catalog;

  CompletionScripts(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  String bash() {
    StringBuilder script = new StringBuilder();
    script.append("# bash completion for factory (Chart Factory ").append(ToolCommands.factoryVersion()).append(")\n");
    script.append("# Load it now:   source <(factory completion bash)\n");
    script.append("# Load it always: factory completion bash > ~/.local/share/bash-completion/completions/factory\n");
    script.append("_factory() {\n");
    script.append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n");
    script.append("  local commands=\"").append(String.join(" ", topLevelWords())).append("\"\n");
    script.append("  if [[ $COMP_CWORD -eq 1 ]]; then\n");
    script.append("    COMPREPLY=($(compgen -W \"$commands --help --version\" -- \"$cur\")); return\n  fi\n");
    script.append("  local cmd=\"${COMP_WORDS[1]}\" first=2\n");
    for (String group : subCommandParents()) {
      script.append("  if [[ $cmd == ").append(group).append(" ]]; then\n");
      script.append("    if [[ $COMP_CWORD -eq 2 ]]; then\n");
      script.append("      COMPREPLY=($(compgen -W \"").append(String.join(" ", subCommands(group)))
          .append("\" -- \"$cur\")); return\n    fi\n");
      script.append("    cmd=\"$cmd ${COMP_WORDS[2]}\"; first=3\n  fi\n");
    }
    script.append("  local repo=. i\n");
    script.append("  for ((i = first; i < COMP_CWORD; i++)); do\n");
    script.append("    [[ ${COMP_WORDS[i]} == --repo ]] && repo=\"${COMP_WORDS[i+1]}\"\n");
    script.append("    [[ ${COMP_WORDS[i]} == --repo=* ]] && repo=\"${COMP_WORDS[i]#--repo=}\"\n");
    script.append("  done\n");
    script.append("  case \"$cmd\" in\n");
    script.append("    help) COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\")); return ;;\n");
    script.append("    completion) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\")); return ;;\n");
    script.append("  esac\n");
    script.append("  case \"$prev\" in\n");
    script.append("    --env) COMPREPLY=($(compgen -W \"$(_factory_environments \"$repo\")\" -- \"$cur\")); return ;;\n");
    script.append("    --repo) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n");
    script.append("  esac\n");
    script.append("  case \"$cmd $prev\" in\n");
    for (CommandCatalog.Entry command : catalog.commands()) {
      for (CommandCatalog.OptionSpec option : command.options()) {
        String choices = choices(option.description());
        if (choices != null) {
          script.append("    '").append(command.name()).append(" --").append(option.longName())
              .append("') COMPREPLY=($(compgen -W \"").append(choices).append("\" -- \"$cur\")); return ;;\n");
        }
      }
    }
    script.append("  esac\n");
    script.append("  local opts=\"\"\n");
    script.append("  case \"$cmd\" in\n");
    for (CommandCatalog.Entry command : catalog.commands()) {
      script.append("    '").append(command.name()).append("') opts=\"").append(String.join(" ", optionWords(command)))
          .append("\" ;;\n");
    }
    script.append("  esac\n");
    script.append("  if [[ $cur == -* ]]; then\n");
    script.append("    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n");
    script.append("  elif [[ ($cmd == generate || $cmd == 'new component') && $COMP_CWORD -eq $first ]]; then\n");
    script.append("    COMPREPLY=($(compgen -W \"$(_factory_apps \"$repo\")\" -- \"$cur\"))\n");
    script.append("  fi\n");
    script.append("  return 0\n");
    script.append("}\n");
    script.append("_factory_environments() {\n");
    script.append("  local file\n");
    script.append("  for file in \"$1\"/environments/*.yaml; do [[ -f $file ]] && basename \"$file\" .yaml; done\n");
    script.append("}\n");
    script.append("_factory_apps() {\n");
    script.append("  local file\n");
    script.append("  for file in \"$1\"/apps/*/app.yaml \"$1\"/services/*/app.yaml; do\n");
    script.append("    [[ -f $file ]] && basename \"$(dirname \"$file\")\"\n");
    script.append("  done\n");
    script.append("}\n");
    script.append("complete -o default -F _factory factory\n");
    return script.toString();
  }

  /** zsh runs the bash script through its bash-completion emulation, so both stay one script. */
  String zsh() {
    return "#compdef factory\n"
        + "# zsh completion for factory: source <(factory completion zsh), or save it as _factory on $fpath\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + bash();
  }

  String fish() {
    StringBuilder script = new StringBuilder();
    script.append("# fish completion for factory (Chart Factory ").append(ToolCommands.factoryVersion()).append(")\n");
    script.append("# Load it: factory completion fish > ~/.config/fish/completions/factory.fish\n");
    script.append("complete -c factory -f\n");
    script.append("complete -c factory -n __fish_use_subcommand -l help -s h -d 'show help'\n");
    script.append("complete -c factory -n __fish_use_subcommand -l version -d \"show Chart Factory's version\"\n");
    Set<String> parents = subCommandParents();
    for (String word : topLevelWords()) {
      String description = parents.contains(word) ? "create specs"
          : catalog.find(word).map(CommandCatalog.Entry::description).orElse("");
      script.append("complete -c factory -n __fish_use_subcommand -a ").append(word)
          .append(" -d ").append(fishQuote(description)).append('\n');
    }
    for (String parent : parents) {
      for (String sub : subCommands(parent)) {
        String description = catalog.find(parent + " " + sub).map(CommandCatalog.Entry::description).orElse("");
        script.append("complete -c factory -n '__fish_seen_subcommand_from ").append(parent)
            .append("; and not __fish_seen_subcommand_from ").append(String.join(" ", subCommands(parent)))
            .append("' -a ").append(sub).append(" -d ").append(fishQuote(description)).append('\n');
      }
    }
    for (CommandCatalog.Entry command : catalog.commands()) {
      String[] words = command.name().split(" ");
      String condition = "__fish_seen_subcommand_from " + words[words.length - 1];
      for (CommandCatalog.OptionSpec option : command.options()) {
        script.append("complete -c factory -n '").append(condition).append("' -l ").append(option.longName());
        if (option.shortName() != 0 && option.shortName() != ' ') {
          script.append(" -s ").append(option.shortName());
        }
        if (!option.flag()) {
          String choices = choices(option.description());
          script.append(choices != null ? " -x -a " + fishQuote(choices) : option.longName().equals("repo")
              ? " -x -a '(__fish_complete_directories)'" : " -r -F");
        }
        script.append(" -d ").append(fishQuote(option.description())).append('\n');
      }
    }
    script.append("complete -c factory -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'\n");
    return script.toString();
  }

  /** Command names as typed first: {@code new} once for {@code new app} and {@code new component}. */
  private Set<String> topLevelWords() {
    Set<String> words = new TreeSet<>();
    catalog.commands().forEach(c -> words.add(c.name().split(" ")[0]));
    return words;
  }

  private Set<String> subCommandParents() {
    Set<String> parents = new TreeSet<>();
    catalog.commands().stream().filter(c -> c.name().contains(" ")).forEach(c -> parents.add(c.name().split(" ")[0]));
    return parents;
  }

  private List<String> subCommands(String parent) {
    return catalog.commands().stream().map(CommandCatalog.Entry::name).filter(n -> n.startsWith(parent + " "))
        .map(n -> n.substring(parent.length() + 1)).sorted().toList();
  }

  private static List<String> optionWords(CommandCatalog.Entry command) {
    Set<String> words = new LinkedHashSet<>();
    for (CommandCatalog.OptionSpec option : command.options()) {
      words.add("--" + option.longName());
      if (option.shortName() != 0 && option.shortName() != ' ') {
        words.add("-" + option.shortName());
      }
    }
    words.add("--help");
    return List.copyOf(words);
  }

  private static String choices(String description) {
    var matcher = CHOICES.matcher(description);
    return matcher.find() ? matcher.group(1).replace(" | ", " ") : null;
  }

  private static String fishQuote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
