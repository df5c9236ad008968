package dev.chartfactory.core.api;

import dev.chartfactory.core.error.UsageException;

/** How object diffs are written: text for a terminal, Markdown for a pull-request comment, JSON for tools. */
public enum OutputFormat {
  TEXT, MARKDOWN, JSON;

  /** The format an {@code --output} option names. */
  public static OutputFormat of(String option) {
    return switch (option) {
      case "text" -> TEXT;
      case "markdown" -> MARKDOWN;
      case "json" -> JSON;
      default -> throw new UsageException("--output",
          "'" + option + "' is not an output format (expected text, markdown or json)");
    };
  }
}
