package dev.chartfactory.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Root of every failure Chart Factory reports. Each pipeline stage has its own subclass so that
 * the CLI can map failures to exit codes in one place. Carries all problems found, not just the
 * first, so a user fixes their spec in one round.
 */
public class FactoryException extends RuntimeException {

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

  public List<Problem> problems() {
    return problems;
  }

  /** The summary line followed by one line per problem. */
  public String report() {
    if (problems.isEmpty()) {
      return getMessage();
    }
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
        + "\n" + getMessage();
  }
}
