package dev.chartfactory.dashboard.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogFollowerTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final LogFollower follower = new LogFollower(timer);
  private final List<String> lines = new ArrayList<>();
  private final List<String> ends = new ArrayList<>();
  private final LogFollower.Sink sink = new LogFollower.Sink() {
    @Override
    public boolean line(String line) {
      lines.add(line);
      return true;
    }

    @Override
    public void end(String reason) {
      ends.add(reason);
    }
  };

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private static LogLimits limits(int lines, long bytes, Duration time) {
    return new LogLimits(100, 1000, lines, bytes, time, 1);
  }

  private static InputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void follow_aLogThatEnds_sendsEveryLineAndSaysItEnded() throws IOException {
    InputStream log = text("one\ntwo\n");
    assertThat(follower.follow(log, log, limits(10, 1000, Duration.ofMinutes(1)), sink)).isEqualTo(LogFollower.ENDED);
    assertThat(lines).containsExactly("one", "two");
    assertThat(ends).containsExactly("log ended");
  }

  @Test
  void follow_beyondTheLineLimit_stopsThere() throws IOException {
    InputStream log = text("1\n2\n3\n4\n5\n");
    assertThat(follower.follow(log, log, limits(3, 1000, Duration.ofMinutes(1)), sink)).isEqualTo(LogFollower.LINE_LIMIT);
    assertThat(lines).containsExactly("1", "2", "3");
    assertThat(ends).containsExactly("line limit reached");
  }

  @Test
  void follow_beyondTheByteLimit_stopsBeforeTheLineThatWouldCrossIt() throws IOException {
    InputStream log = text("aaaa\nbbbb\ncccc\n");
    assertThat(follower.follow(log, log, limits(100, 12, Duration.ofMinutes(1)), sink)).isEqualTo(LogFollower.BYTE_LIMIT);
    assertThat(lines).containsExactly("aaaa", "bbbb");
  }

  @Test
  void follow_ofALogLeftOpen_isClosedAtItsTimeLimit() throws IOException {
    NeverEnding log = new NeverEnding("started\n");

    String reason = follower.follow(log, log, limits(100, 1000, Duration.ofMillis(300)), sink);

    assertThat(reason).isEqualTo(LogFollower.TIME_LIMIT);
    assertThat(lines).containsExactly("started");
    assertThat(ends).containsExactly("time limit reached");
    assertThat(log.closed.getCount()).as("the source was closed").isZero();
  }

  @Test
  void follow_whenTheClientIsGone_stopsAndSendsNothingMore() throws IOException {
    InputStream log = text("1\n2\n");
    LogFollower.Sink gone = new LogFollower.Sink() {
      @Override
      public boolean line(String line) {
        return false;
      }

      @Override
      public void end(String reason) {
        ends.add(reason);
      }
    };
    assertThat(follower.follow(log, log, limits(10, 1000, Duration.ofMinutes(1)), gone)).isEqualTo(LogFollower.CLIENT_GONE);
    assertThat(ends).isEmpty();
  }

  /** Serves its first bytes, then blocks until closed, like a follow request to a quiet container. */
  private static final class NeverEnding extends InputStream {
    private final byte[] first;
    private int position;
    final CountDownLatch closed = new CountDownLatch(1);

    NeverEnding(String first) {
      this.first = first.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
      if (position < first.length) {
        return first[position++];
      }
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("Stream closed");
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
