package dev.chartfactory.core.error;

import java.util.List;

/** The config repo's specs cannot be read or are invalid: the user has to change their input. */
public class SpecException extends InvalidInputException {

  public SpecException(List<Problem> problems) {
    super(summarize(problems), problems);
  }

  public static SpecException of(Problem problem) {
    return new SpecException(List.of(problem));
  }

  private static String summarize(List<Problem> problems) {
    long files = problems.stream().map(p -> p.location().file()).distinct().count();
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in "
        + files + (files == 1 ? " spec file" : " spec files");
  }
}
