package dev.chartfactory.core.helm;

import dev.chartfactory.core.error.ErrorKind;
import dev.chartfactory.core.error.FactoryException;
import java.util.List;

/**
 * The Helm CLI could not be found, failed, or did not finish in time. The message quotes the
 * command line and what helm wrote to stderr, so it can be read (and re-run) as is.
 */
public class HelmException extends FactoryException {

  private final List<String> command;
  private final String stderr;

  public HelmException(String message) {
    this(message, List.of(), "", null);
  }

  public HelmException(String message, List<String> command, String stderr, Throwable cause) {
    super(message, List.of(), cause);
    this.command = List.copyOf(command);
    this.stderr = stderr == null ? "" : stderr;
  }

  /** The command line that failed, binary first; empty when no command was run. */
  public List<String> command() {
    return command;
  }

  /** What helm wrote to stderr, possibly empty. */
  public String stderr() {
    return stderr;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.HELM_FAILURE;
  }
}
