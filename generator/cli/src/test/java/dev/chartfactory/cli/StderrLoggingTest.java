package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class StderrLoggingTest {

  @Test
  void printsWarningsAndErrorsOnly_withTheLoggerNameAndArguments() {
    Logger jgit = new StderrLogging().getLoggerFactory().getLogger("org.eclipse.jgit.util.FS");
    Logger validator = new StderrLogging().getLoggerFactory().getLogger("com.networknt.schema.Keyword");
    assertThat(jgit.isInfoEnabled()).isFalse();
    assertThat(jgit.isWarnEnabled()).isTrue();
    assertThat(validator.isWarnEnabled()).isFalse();
    assertThat(validator.isErrorEnabled()).isTrue();

    String printed = stderrOf(() -> {
      jgit.info("not shown");
      jgit.warn("cannot read {} ({} bytes)", "config", 12);
      validator.warn("unknown keyword");
      jgit.error("failed", new IllegalStateException("locked"));
    });

    assertThat(printed.lines()).containsExactly(
        "WARN FS: cannot read config (12 bytes)",
        "ERROR FS: failed (java.lang.IllegalStateException: locked)");
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
