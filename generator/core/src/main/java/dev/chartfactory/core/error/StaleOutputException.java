package dev.chartfactory.core.error;

import java.util.List;

/** The committed charts are not what the specs generate: run generate-all and commit. */
public class StaleOutputException extends FactoryException {

  public StaleOutputException(String summary, List<Problem> problems) {
    super(summary, problems);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.STALE_OUTPUT;
  }
}
