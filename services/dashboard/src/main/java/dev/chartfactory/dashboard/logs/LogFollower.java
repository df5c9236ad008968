package dev.chartfactory.dashboard.logs;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies a followed log to a sink line by line until the log ends or a bound is reached: lines,
 * bytes, or time. The time bound closes the source from a timer, so a log that never writes
 * again still ends on time.
 */
public final class LogFollower {

  /** Where the lines go (an SSE emitter in the app). */
  public interface Sink {
    /** One log line, without its line break; false when the client is gone. */
    boolean line(String line) throws IOException;

    /** The stream is over, and why. */
    void end(String reason) throws IOException;
  }

  /** Why a stream ended. */
  public static final String ENDED = "log ended";
  public static final String LINE_LIMIT = "line limit reached";
  public static final String BYTE_LIMIT = "byte limit reached";
  public static final String TIME_LIMIT = "time limit reached";
  public static final String CLIENT_GONE = "client gone";

  private final ScheduledExecutorService timer;

  public LogFollower(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Runs on the caller's thread until the stream ends; returns the reason it ended. */
  public String follow(InputStream log, Closeable source, LogLimits limits, Sink sink) throws IOException {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = timer.schedule(() -> {
      timedOut.set(true);
      closeQuietly(source);
    }, limits.maxFollowTime().toMillis(), TimeUnit.MILLISECONDS);
    String reason = ENDED;
    long lines = 0;
    long bytes = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
      String line;
      while ((line = readLine(reader, timedOut)) != null) {
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (bytes > limits.maxFollowBytes()) {
          reason = BYTE_LIMIT;
          break;
        }
        if (!sink.line(line)) {
          reason = CLIENT_GONE;
          break;
        }
        if (++lines >= limits.maxFollowLines()) {
          reason = LINE_LIMIT;
          break;
        }
      }
      if (timedOut.get() && reason.equals(ENDED)) {
        reason = TIME_LIMIT;
      }
    } finally {
      deadline.cancel(false);
      closeQuietly(source);
    }
    if (!reason.equals(CLIENT_GONE)) {
      sink.end(reason);
    }
    return reason;
  }

  /** A read interrupted by the deadline closing the source is the end of the stream. */
  private static String readLine(BufferedReader reader, AtomicBoolean timedOut) throws IOException {
    try {
      return reader.readLine();
    } catch (IOException e) {
      if (timedOut.get()) {
        return null;
      }
      throw e;
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      // closing is best effort; the stream is over either way
    }
  }

}
