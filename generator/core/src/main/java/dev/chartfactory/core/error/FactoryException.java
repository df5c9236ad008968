package dev.chartfactory.core.error;

import java.util.List;

/**
 * Root of every failure Chart Factory reports. Each failure says what {@link ErrorKind kind} it is,
 * and the CLI maps the kind (never the class) to an exit code in one place. Carries all problems
 * found, not just the first, so a user fixes their spec in one round.
 */
public abstract class FactoryException extends RuntimeException {

  /** How many problems {@link #report()} prints. */
  public static final int MAX_REPORTED = 200;

  private final List<Problem> problems;

  public FactoryException(String summary, List<Problem> problems) {
    super(summary);
    this.problems = problems.stream().sorted(Problem.BY_LOCATION).toList();
  }

  public FactoryException(String summary, List<Problem> problems, Throwable cause) {
    super(summary, cause);
    this.problems = problems.stream().sorted(Problem.BY_LOCATION).toList();
  }

  public FactoryException(String summary, Throwable cause) {
    this(summary, List.of(), cause);
  }

  /** What kind of failure this is; the exit code follows from it. */
  public abstract ErrorKind kind();

  public List<Problem> problems() {
    return problems;
  }

  /**
   * For people: one line per problem (the first {@value #MAX_REPORTED}, then how many more),
   * then the summary line; whatever specs put in them escaped ({@link PrintableText}).
   */
  public String report() {
    String summary = PrintableText.escape(getMessage());
    if (problems.isEmpty()) {
      return summary;
    }
    StringBuilder report = new StringBuilder();
    problems.stream().limit(MAX_REPORTED).forEach(problem -> report.append(problem).append('\n'));
    if (problems.size() > MAX_REPORTED) {
      // Past a screenful nobody reads on, and a CI log stays small; a file broken everywhere
      // (an indentation slip) shows its first lines, which are the ones to fix first.
      report.append("… and ").append(problems.size() - MAX_REPORTED)
          .append(" more problems not shown ('factory validate --output json' lists them all)\n");
    }
    return report.append(summary).toString();
  }
}
