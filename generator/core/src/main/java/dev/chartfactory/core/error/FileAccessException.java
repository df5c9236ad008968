package dev.chartfactory.core.error;

/** A file or folder could not be read or written; the message names it and says why. */
public class FileAccessException extends FactoryException {

  public FileAccessException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "cannot read apps/shop/app.yaml: Permission denied", from what was tried and the failure. */
  public static FileAccessException of(String whatFailed, Exception cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new FileAccessException(whatFailed + ": " + detail, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.FILE_ACCESS;
  }
}
