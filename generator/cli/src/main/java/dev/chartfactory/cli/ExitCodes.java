package dev.chartfactory.cli;

import dev.chartfactory.core.error.FactoryException;
import dev.chartfactory.core.error.PrintableText;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.git.GitUrls;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.stereotype.Component;

/**
 * The one place that turns failures into exit codes and messages: 0 ok, 1 invalid input,
 * 2 stale output, 3 Git or Helm failure. Stack traces only with FACTORY_DEBUG=true.
 */
@Component("factoryExceptions")
public class ExitCodes implements ExitStatusExceptionMapper {

  public static final int OK = 0;
  public static final int INVALID_INPUT = 1;
  public static final int STALE_OUTPUT = 2;
  public static final int TOOL_FAILURE = 3;

  private final PrintStream err;

  public ExitCodes() {
    this(System.err);
  }

  ExitCodes(PrintStream err) {
    this.err = err;
  }

  @Override
  public ExitStatus apply(Exception exception) {
    Throwable failure = unwrap(exception);
    int code = codeFor(failure);
    Colours colours = err == System.err ? Colours.forThisProcess() : Colours.NONE;
    // Messages from Git may quote a remote URL with the credentials in it.
    if (failure instanceof UsageException usage) {
      err.println(colours.report("error: " + PrintableText.escape(GitUrls.redact(usage.getMessage()))));
    } else if (failure instanceof FactoryException factory) {
      err.println(colours.report(GitUrls.redact(factory.report())));
    } else {
      err.println(colours.report(GitUrls.redact("error: " + PrintableText.escape(failure.toString()))));
    }
    if (Boolean.parseBoolean(System.getenv("FACTORY_DEBUG"))) {
      failure.printStackTrace(err);
    }
    err.flush();
    return new ExitStatus(code, GitUrls.redact(failure.getMessage() == null ? failure.toString() : failure.getMessage()));
  }

  static int codeFor(Throwable failure) {
    if (failure instanceof SpecException || failure instanceof UsageException) {
      return INVALID_INPUT;
    }
    String type = failure.getClass().getSimpleName();
    if (type.startsWith("Stale")) {
      return STALE_OUTPUT;
    }
    if (type.startsWith("Git") || type.startsWith("Helm")) {
      return TOOL_FAILURE;
    }
    return INVALID_INPUT;
  }

  static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while ((current instanceof InvocationTargetException || current.getClass().getName()
        .startsWith("org.springframework.")) && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
