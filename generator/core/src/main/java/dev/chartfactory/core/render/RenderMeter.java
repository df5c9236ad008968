package dev.chartfactory.core.render;

import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import java.util.function.BiConsumer;

/**
 * Holds each blueprint render to its {@link RenderBudget}. Jinjava calls it before rendering
 * every node (its node pre-processor hook), which is the one place every loop turn and macro call
 * passes through; Jinjava itself has no time or step limit.
 *
 * <p>A render also stops at the first error Jinjava records without throwing (an output grown too
 * big inside a macro, a macro cycle): the render fails anyway, and going on is what let a chain of
 * macros copy megabytes for a minute.
 *
 * <p>Once stopped, a render stays stopped: every later node throws again. That matters because
 * Jinjava catches exceptions inside expressions (a macro call is one), records them as errors and
 * carries on; without this the loop around the call would keep going.
 */
final class RenderMeter implements BiConsumer<Node, JinjavaInterpreter> {

  /** Where and why a render went over budget. */
  record Overrun(int line, int column, String message) {}

  /** One render's count and clock, on the thread that renders it. */
  static final class Run implements AutoCloseable {
    private final RenderMeter meter;
    private final long deadline;
    private long steps;
    private Overrun overrun;
    private boolean stopped;
    private TemplateError lastError;

    private Run(RenderMeter meter, JinjavaInterpreter interpreter) {
      this.meter = meter;
      this.deadline = System.nanoTime() + meter.budget.timeout().toNanos();
      this.lastError = interpreter.getLastError().orElse(null);
    }

    /** The first overrun, or null when the render kept to its budget. */
    Overrun overrun() {
      return overrun;
    }

    @Override
    public void close() {
      meter.current.remove();
    }
  }

  /** Thrown from the node about to render once the render has stopped; never the cause to report. */
  static final class RenderStoppedException extends InterpretException {
    RenderStoppedException(Node node) {
      super("rendering stopped", node.getLineNumber(), node.getStartPosition());
    }

    static boolean isCauseOf(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof RenderStoppedException) {
          return true;
        }
      }
      return false;
    }
  }

  private final RenderBudget budget;
  private final ThreadLocal<Run> current = new ThreadLocal<>();

  RenderMeter(RenderBudget budget) {
    this.budget = budget;
  }

  /** Starts metering a render by {@code interpreter} on this thread; close the result when done. */
  Run start(JinjavaInterpreter interpreter) {
    Run run = new Run(this, interpreter);
    current.set(run);
    return run;
  }

  @Override
  public void accept(Node node, JinjavaInterpreter interpreter) {
    Run run = current.get();
    if (run == null) {
      return;
    }
    if (!run.stopped) {
      run.steps++;
      if (run.steps > budget.maxSteps()) {
        run.overrun = overrun(node, "rendering went over its budget of " + budget.maxSteps()
            + " steps (loops or macro calls that multiply?; expected a blueprint that renders within the budget,"
            + " which " + RenderBudget.MAX_STEPS_VARIABLE + " raises)");
      } else if (System.nanoTime() - run.deadline > 0) {
        run.overrun = overrun(node, "rendering went over its time budget of " + budget.timeoutText()
            + " (a loop that does not end?; expected a blueprint that renders within the budget,"
            + " which " + RenderBudget.TIMEOUT_VARIABLE + " raises)");
      }
      TemplateError lastError = interpreter.getLastError().orElse(null);
      boolean newError = lastError != null && lastError != run.lastError;
      run.lastError = lastError;
      run.stopped = run.overrun != null || newError && spoilsTheOutput(lastError);
    }
    if (run.stopped) {
      throw new RenderStoppedException(node);
    }
  }

  /**
   * Whether Jinjava's record of {@code error} means the output is not what the blueprint says.
   * Jinjava records many failures (a macro cycle, a truncated join, an output that grew too big,
   * an unclosed tag) as errors or warnings and goes on with an empty or shortened piece; all of
   * them fail the blueprint, so a truncated chart is never written. Only the note that a list or
   * map has reached 90 % of its limit leaves the output whole.
   */
  static boolean spoilsTheOutput(TemplateError error) {
    return !(error.getSeverity() == TemplateError.ErrorType.WARNING
        && error.getReason() == TemplateError.ErrorReason.COLLECTION_TOO_BIG);
  }

  private static Overrun overrun(Node node, String message) {
    return new Overrun(node.getLineNumber(), Math.max(node.getStartPosition(), 1), message);
  }
}
