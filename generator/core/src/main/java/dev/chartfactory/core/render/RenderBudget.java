package dev.chartfactory.core.render;

import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much one blueprint may do in one render: a wall-clock limit and a number of steps (every
 * tag, expression and text part Jinjava renders is a step, so a loop body counts once per turn
 * and a macro's body once per call). The built-in blueprints take a few hundred steps and a few
 * milliseconds per component; the defaults leave room for far larger blueprints of one's own while
 * stopping runaway loops and macro chains within seconds.
 *
 * <p>Set from the environment of the run (not the config repo, whose blueprints it guards):
 * {@code FACTORY_RENDER_TIMEOUT=10s} (or {@code 500ms}, or plain seconds) and
 * {@code FACTORY_RENDER_MAX_STEPS=1000000}.
 *
 * @param timeout how long one blueprint may render
 * @param maxSteps how many template nodes one blueprint render may visit
 */
public record RenderBudget(Duration timeout, long maxSteps) {

  public static final String TIMEOUT_VARIABLE = "FACTORY_RENDER_TIMEOUT";
  public static final String MAX_STEPS_VARIABLE = "FACTORY_RENDER_MAX_STEPS";
  public static final RenderBudget DEFAULT = new RenderBudget(Duration.ofSeconds(5), 250_000);

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

  public RenderBudget {
    if (timeout.isNegative() || timeout.isZero() || maxSteps <= 0) {
      throw new IllegalArgumentException("a render budget needs a positive timeout and step count");
    }
  }

  /** The budget the process environment sets, or {@link #DEFAULT}. */
  public static RenderBudget fromEnvironment() {
    return from(System.getenv());
  }

  /** The budget {@code environment} sets; a malformed value is an input error naming the variable. */
  public static RenderBudget from(Map<String, String> environment) {
    Duration timeout = DEFAULT.timeout();
    long maxSteps = DEFAULT.maxSteps();
    String timeoutText = environment.get(TIMEOUT_VARIABLE);
    if (timeoutText != null && !timeoutText.isBlank()) {
      Matcher matcher = DURATION.matcher(timeoutText.strip().toLowerCase(Locale.ROOT));
      long amount = matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
      if (amount <= 0) {
        throw invalid(TIMEOUT_VARIABLE, timeoutText, "a positive duration such as 10s, 500ms or 2m");
      }
      String unit = matcher.group(2) == null ? "s" : matcher.group(2);
      timeout = switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
    String stepsText = environment.get(MAX_STEPS_VARIABLE);
    if (stepsText != null && !stepsText.isBlank()) {
      try {
        maxSteps = Long.parseLong(stepsText.strip().replace("_", ""));
      } catch (NumberFormatException e) {
        maxSteps = 0;
      }
      if (maxSteps <= 0) {
        throw invalid(MAX_STEPS_VARIABLE, stepsText, "a positive whole number such as 1000000");
      }
    }
    return new RenderBudget(timeout, maxSteps);
  }

  /** The timeout as people write it: {@code 5 s}, {@code 200 ms}. */
  String timeoutText() {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  private static SpecException invalid(String variable, String value, String expected) {
    return SpecException.of(Problem.at(SourceLocation.ofFile("environment variable " + variable), "",
        "'" + value.strip() + "' is not a valid limit (expected " + expected + ")"));
  }
}
