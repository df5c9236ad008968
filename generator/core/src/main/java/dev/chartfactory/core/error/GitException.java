package dev.chartfactory.core.error;

/**
 * A Git operation failed or was refused: a ref that does not exist, a repository that cannot be
 * opened, cloned or pushed to. The CLI exits 3 for it (like a Helm failure), not 1: the specs
 * may be fine.
 */
public class GitException extends FactoryException {

  public GitException(String message) {
    super(message, (Throwable) null);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.GIT_FAILURE;
  }
}
