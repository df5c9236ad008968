package dev.chartfactory.core.error;

import java.util.Comparator;

/**
 * One thing wrong with the input, written for the person who has to fix it.
 *
 * <p>Rendered as {@code apps/shop/app.yaml:14:7: components.web.port: 70000 is out of range
 * (expected 1-65535)}, followed by an optional hint on the same line.
 *
 * @param location where it is; never null (use {@link SourceLocation#ofFile} when no line is known)
 * @param field the dotted path of the field in the spec, or empty when the whole file is meant
 * @param message what is wrong and, in parentheses, what was expected
 * @param hint an optional suggestion ("did you mean 'port'?"), or null
 */
public record Problem(SourceLocation location, String field, String message, String hint) {

  public static final Comparator<Problem> BY_LOCATION =
      Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column())
          .thenComparing(Problem::field)
          .thenComparing(Problem::message);

  public Problem {
    field = field == null ? "" : field;
  }

  public static Problem at(SourceLocation location, String field, String message) {
    return new Problem(location, field, message, null);
  }

  public Problem withHint(String newHint) {
    return new Problem(location, field, message, newHint);
  }

  /** One line for people, with whatever the spec put in it escaped ({@link PrintableText}). */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder().append(location).append(": ");
    if (!field.isEmpty()) {
      text.append(field).append(": ");
    }
    text.append(message);
    if (hint != null) {
      text.append("; ").append(hint);
    }
    return PrintableText.escape(text.toString());
  }
}
