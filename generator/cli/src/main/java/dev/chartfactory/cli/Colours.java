package dev.chartfactory.cli;

import java.util.Map;

/**
 * ANSI colour for a person at a terminal, never for pipes, files or CI logs: on only when the
 * process has a console, {@code NO_COLOR} is unset or empty (https://no-color.org) and
 * {@code TERM} is not {@code dumb}. Spec text is escaped before it gets here.
 */
record Colours(boolean enabled) {

  static final Colours NONE = new Colours(false);

  static Colours forThisProcess() {
    return of(System.getenv(), System.console() != null);
  }

  static Colours of(Map<String, String> environment, boolean terminal) {
    String noColor = environment.get("NO_COLOR");
    boolean dumb = "dumb".equals(environment.get("TERM"));
    return new Colours(terminal && (noColor == null || noColor.isEmpty()) && !dumb);
  }

  String error(String text) {
    return paint("1;31", text);
  }

  String warning(String text) {
    return paint("33", text);
  }

  String added(String text) {
    return paint("32", text);
  }

  String removed(String text) {
    return paint("31", text);
  }

  String dim(String text) {
    return paint("2", text);
  }

  String bold(String text) {
    return paint("1", text);
  }

  private String paint(String code, String text) {
    return enabled && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  /** A problem report with each line's location ({@code file:line:col:}) in bold, "error" in red. */
  String report(String report) {
    if (!enabled) {
      return report;
    }
    StringBuilder out = new StringBuilder();
    for (String line : report.split("\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      int end = line.indexOf(": ");
      if (line.startsWith("error: ")) {
        out.append(error("error:")).append(line.substring("error:".length()));
      } else if (end > 0 && !line.startsWith(" ")) {
        out.append(bold(line.substring(0, end + 1))).append(line.substring(end + 1));
      } else {
        out.append(line);
      }
    }
    return out.toString();
  }
}
