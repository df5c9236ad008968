package dev.chartfactory.core.error;

import java.util.List;

/** Rendered charts failed helm lint or a manifest failed its Kubernetes schema: nothing is written. */
public class ValidationException extends InvalidInputException {

  public ValidationException(List<Problem> problems) {
    super(problems.size() + (problems.size() == 1 ? " validation problem" : " validation problems")
        + " in the rendered charts; nothing was written", problems);
  }
}
