package dev.chartfactory.core.error;

/**
 * A command-line value is wrong ({@code --env dve}, an unknown option): not a problem in any spec
 * file, so it names the option rather than a file and line.
 */
public class UsageException extends FactoryException {

  private final String option;
  private final String hint;

  /**
   * @param option the option or argument at fault, as typed ({@code --env}), or empty
   * @param message what is wrong and, in parentheses, what was expected
   * @param hint an optional suggestion ("did you mean 'dev'?"), or null
   */
  public UsageException(String option, String message, String hint) {
    super((option == null || option.isEmpty() ? "" : option + ": ") + message
        + (hint == null ? "" : "; " + hint), (Throwable) null);
    this.option = option == null ? "" : option;
    this.hint = hint;
  }

  /** A usage error whose message names what is wrong itself. */
  public UsageException(String message) {
    this("", message, null);
  }

  public UsageException(String option, String message) {
    this(option, message, null);
  }

  /** The option or argument at fault, or empty. */
  public String option() {
    return option;
  }

  /** The suggestion, or null. */
  public String hint() {
    return hint;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.USAGE;
  }
}
