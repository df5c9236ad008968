package dev.chartfactory.core.error;

import java.util.List;

/** The user's input is wrong and they have to change it; the problems say where and how. */
public class InvalidInputException extends FactoryException {

  public InvalidInputException(String summary, List<Problem> problems) {
    super(summary, problems);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_INPUT;
  }
}
