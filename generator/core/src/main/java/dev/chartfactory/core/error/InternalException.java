package dev.chartfactory.core.error;

/**
 * Chart Factory itself is broken: a resource missing from the build, an invariant that does not
 * hold. Never the user's fault; the CLI asks for a bug report.
 */
public class InternalException extends FactoryException {

  public InternalException(String message) {
    super(message, (Throwable) null);
  }

  public InternalException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INTERNAL;
  }
}
