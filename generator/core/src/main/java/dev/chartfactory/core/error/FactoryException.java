package dev.chartfactory.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Root of every failure Chart Factory reports. Each failure says what {@link ErrorKind kind} it is,
 * and the CLI maps the kind (never the class) to an exit code in one place. Carries all problems
 * found, not just the first, so a user fixes their spec in one round.
 */
public abstract class FactoryException extends RuntimeException {

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

  /** The summary line followed by one line per problem. */
  public String report() {
    if (problems.isEmpty()) {
      return getMessage();
    }
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
        + "\n" + getMessage();
  }
}
