package dev.chartfactory.cli;

import dev.chartfactory.core.error.PrintableText;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logging for commands run without Spring: the CLI prints its own output, and libraries only
 * speak up on stderr when something is wrong (warnings and errors; errors only from the schema
 * validator). Logback, which the Spring path uses, costs a fresh JVM about 150 ms to set up,
 * a tenth of a pull-request check. Chosen with {@link #install()} before anything logs.
 */
public final class StderrLogging implements SLF4JServiceProvider {

  private final ILoggerFactory loggers = StderrLogger::new;
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Makes SLF4J use this provider rather than look one up on the class path. */
  static void install() {
    System.setProperty("slf4j.provider", StderrLogging.class.getName());
    // Else SLF4J reports, on stderr, that it honoured the property.
    System.setProperty("slf4j.internal.verbosity", "WARN");
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class StderrLogger extends LegacyAbstractLogger {

    private final Level threshold;

    StderrLogger(String name) {
      this.name = name;
      this.threshold = name.startsWith("com.networknt") ? Level.ERROR : Level.WARN;
    }

    private boolean enabled(Level level) {
      return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable throwable) {
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      StringBuilder line = new StringBuilder().append(level).append(' ').append(shortName).append(": ")
          .append(MessageFormatter.basicArrayFormat(pattern, arguments));
      if (throwable != null) {
        line.append(" (").append(throwable).append(')');
      }
      System.err.println(PrintableText.withoutCredentials(line.toString()));
    }
  }
}
