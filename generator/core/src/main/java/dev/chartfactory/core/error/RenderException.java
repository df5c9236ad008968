package dev.chartfactory.core.error;

import java.util.List;

/** A blueprint (built in, or a user's override under templates/) could not be rendered. */
public class RenderException extends InvalidInputException {

  public RenderException(List<Problem> problems) {
    super(problems.size() + (problems.size() == 1 ? " template problem" : " template problems"), problems);
  }
}
