package dev.chartfactory.cli;

import dev.chartfactory.core.error.ErrorKind;
import dev.chartfactory.core.error.FactoryException;
import dev.chartfactory.core.error.PrintableText;
import dev.chartfactory.core.error.UsageException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.stereotype.Component;

/**
 * The one place that turns failures into exit codes and messages. The code follows from the
 * failure's {@link ErrorKind} alone: 0 ok, 1 invalid input or usage, 2 stale output, 3 Git or Helm
 * failure, 70 a bug of ours (any exception that is not a {@link FactoryException}). Stack traces
 * only with FACTORY_DEBUG=true.
 */
@Component("factoryExceptions")
public class ExitCodes implements ExitStatusExceptionMapper {

  public static final int OK = 0;
  public static final int INVALID_INPUT = 1;
  public static final int USAGE = 1;
  public static final int STALE_OUTPUT = 2;
  public static final int TOOL_FAILURE = 3;
  /** sysexits.h's EX_SOFTWARE: an internal software error. */
  public static final int INTERNAL = 70;

  static final String BUG_REPORT = "This is a bug in Chart Factory, not a problem with your input: please report it"
      + " with the command you ran and the output of FACTORY_DEBUG=true factory ...";

  private final PrintStream err;
  /** The command being run, for the synopsis under a usage error; null when not known. */
  private volatile String command;

  public ExitCodes() {
    this(System.err);
  }

  ExitCodes(PrintStream err) {
    this.err = err;
  }

  /** Names the command that runs next, so a usage error can show its synopsis. */
  ExitCodes forCommand(String name) {
    this.command = name;
    return this;
  }

  @Override
  public ExitStatus apply(Exception exception) {
    Throwable failure = unwrap(exception);
    ErrorKind kind = kindOf(failure);
    Colours colours = err == System.err ? Colours.forThisProcess() : Colours.NONE;
    // Messages from Git may quote a remote URL with the credentials in it.
    switch (kind) {
      case USAGE -> err.println(colours.report("error: " + PrintableText.escape(PrintableText.withoutCredentials(
          (command == null ? "" : command + ": ") + failure.getMessage()))) + "\n" + synopsis(command));
      case INTERNAL -> err.println(colours.report(PrintableText.withoutCredentials("error: internal error: "
          + (failure instanceof FactoryException factory ? factory.report() : PrintableText.escape(failure.toString()))))
          + "\n" + BUG_REPORT);
      default -> err.println(colours.report(PrintableText.withoutCredentials(((FactoryException) failure).report())));
    }
    if (Boolean.parseBoolean(System.getenv("FACTORY_DEBUG"))) {
      failure.printStackTrace(err);
    }
    err.flush();
    return new ExitStatus(codeFor(kind),
        PrintableText.withoutCredentials(failure.getMessage() == null ? failure.toString() : failure.getMessage()));
  }

  /** The command's usage line from the help catalog, or where to look for it. */
  private static String synopsis(String command) {
    CommandCatalog catalog = ToolCommands.catalog();
    return (command == null ? java.util.Optional.<CommandCatalog.Entry>empty() : catalog.find(command))
        .map(entry -> new HelpText(catalog).usageHint(entry))
        .orElse(command == null ? "(see 'factory help')" : "(see 'factory " + command + " --help')");
  }

  /** The kind of any failure: a {@link FactoryException} says it; anything else is a bug of ours. */
  static ErrorKind kindOf(Throwable failure) {
    return failure instanceof FactoryException factory ? factory.kind() : ErrorKind.INTERNAL;
  }

  /** The one mapping from kind to exit code. */
  static int codeFor(ErrorKind kind) {
    return switch (kind) {
      case INVALID_INPUT, FILE_ACCESS -> INVALID_INPUT;
      case USAGE -> USAGE;
      case STALE_OUTPUT -> STALE_OUTPUT;
      case GIT_FAILURE, HELM_FAILURE -> TOOL_FAILURE;
      case INTERNAL -> INTERNAL;
    };
  }

  static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while ((current instanceof InvocationTargetException || current.getClass().getName()
        .startsWith("org.springframework.")) && current.getCause() != null) {
      current = current.getCause();
    }
    return fromShell(current);
  }

  /** Spring Shell reports options it cannot bind (a required one missing) as IllegalArgumentException. */
  private static Throwable fromShell(Throwable failure) {
    StackTraceElement[] trace = failure.getStackTrace();
    if (failure instanceof IllegalArgumentException && trace.length > 0
        && trace[0].getClassName().startsWith("org.springframework.shell.")) {
      return new UsageException("", failure.getMessage());
    }
    return failure;
  }
}
