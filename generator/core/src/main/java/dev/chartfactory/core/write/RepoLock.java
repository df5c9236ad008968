package dev.chartfactory.core.write;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.error.GitException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one writer of a config repo at a time: every command that writes to it (charts, specs,
 * the operation log, Git) holds this lock, an exclusive {@link FileLock} on {@code .factory/lock}.
 * Another run waits for it, saying whose it is, up to {@code FACTORY_LOCK_TIMEOUT} seconds
 * (default {@value #DEFAULT_TIMEOUT_SECONDS}), then gives up. The operating system releases the
 * lock when its process ends, so a killed run never blocks the next one, and the next one, once
 * it holds the lock, cleans up what the killed one left ({@link ChartWriter#recoverInterruptedRun}).
 */
public final class RepoLock implements AutoCloseable {

  public static final String TIMEOUT_VARIABLE = "FACTORY_LOCK_TIMEOUT";
  static final long DEFAULT_TIMEOUT_SECONDS = 300;
  /** Config-repo relative path of the lock file. */
  public static final String PATH = ".factory/lock";

  /** Lock files held by runs in this JVM, with who holds them. */
  private static final java.util.Map<Path, String> HELD_IN_THIS_JVM = new java.util.HashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RepoLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the config repo at {@code root} for {@code command} (named to whoever
   * waits for it), waiting for another run to finish when needed, then cleans up after a run
   * that was killed while writing.
   */
  public static RepoLock acquire(Path root, String command, PipelineListener listener) {
    if (!Files.isDirectory(root)) {
      // Nothing to protect, and no folder to make for a mistyped --repo: the command reports it.
      return new RepoLock(null, null, null);
    }
    Path file = root.toAbsolutePath().normalize().resolve(PATH);
    Duration timeout = timeout();
    Instant deadline = Instant.now().plus(timeout);
    Waiting waiting = new Waiting(root, file, timeout, listener);
    String holder = "pid " + ProcessHandle.current().pid() + ", " + command + ", since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try {
      // Runs in this JVM take turns before any of them opens the file: on Linux, closing any
      // channel of a file drops every lock this process holds on it.
      while (true) {
        synchronized (HELD_IN_THIS_JVM) {
          if (HELD_IN_THIS_JVM.putIfAbsent(file, holder) == null) {
            break;
          }
        }
        waiting.check(deadline, heldInThisJvm(file));
      }
      FileChannel channel = null;
      try {
        channel = open(file);
        while (true) {
          FileLock lock = tryLock(channel);
          if (lock != null) {
            RepoLock held = new RepoLock(file, channel, lock);
            held.record(holder);
            ChartWriter.recoverInterruptedRun(root, listener);
            return held;
          }
          waiting.check(deadline, holder(file));
        }
      } catch (RuntimeException | InterruptedException e) {
        if (channel != null) {
          closeQuietly(channel);
        }
        synchronized (HELD_IN_THIS_JVM) {
          HELD_IN_THIS_JVM.remove(file);
        }
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FileAccessException("interrupted while waiting for the lock of " + root, e);
    }
  }

  private static String heldInThisJvm(Path file) {
    synchronized (HELD_IN_THIS_JVM) {
      return HELD_IN_THIS_JVM.getOrDefault(file, "pid unknown");
    }
  }

  /** Says once that a run waits, and gives up at the deadline. */
  private static final class Waiting {
    private final Path root;
    private final Path file;
    private final Duration timeout;
    private final PipelineListener listener;
    private boolean told;

    Waiting(Path root, Path file, Duration timeout, PipelineListener listener) {
      this.root = root;
      this.file = file;
      this.timeout = timeout;
      this.listener = listener;
    }

    void check(Instant deadline, String holder) throws InterruptedException {
      if (!told) {
        listener.progress("lock", "waiting for another factory run (" + holder + ") that is writing to "
            + root + "; up to " + timeout.toSeconds() + " s (" + TIMEOUT_VARIABLE + ")");
        told = true;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new GitException("another factory run (" + holder + ") is still writing to " + root
            + " after " + timeout.toSeconds() + " s: let it finish and run again, or wait longer with "
            + TIMEOUT_VARIABLE + "=SECONDS. The lock (" + file + ") is released when that process ends,"
            + " so there is nothing to delete by hand");
      }
      Thread.sleep(100);
    }
  }

  private static FileChannel open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path ignore = file.getParent().resolve(".gitignore");
      if (!Files.exists(ignore)) {
        // The lock is no one's change to commit (nor is this file, which only exists for it).
        Files.writeString(ignore, "/lock\n/.gitignore\n");
      }
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new FileAccessException("cannot open the lock file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The lock, or null while another process (or another run in this JVM) holds it. */
  private static FileLock tryLock(FileChannel channel) {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    } catch (IOException e) {
      throw new FileAccessException("cannot lock " + PATH + ": " + e.getMessage(), e);
    }
  }

  /** Writes who holds the lock into the file, for the message of a run that waits. */
  private void record(String holder) {
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      // Only the waiting run's message would miss the pid.
    }
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty() ? "pid unknown" : text;
    } catch (IOException e) {
      return "pid unknown";
    }
  }

  private static Duration timeout() {
    String value = System.getProperty("factory.lock.timeout", System.getenv(TIMEOUT_VARIABLE));
    if (value == null || value.isBlank()) {
      return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw dev.chartfactory.core.error.SpecException.of(dev.chartfactory.core.error.Problem.at(
          dev.chartfactory.core.error.SourceLocation.ofFile("<environment>"), TIMEOUT_VARIABLE,
          "'" + value + "' is not a number of seconds (expected e.g. 600)"));
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing held
    }
  }

  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel releases it too.
    }
    closeQuietly(channel);
    synchronized (HELD_IN_THIS_JVM) {
      HELD_IN_THIS_JVM.remove(file);
    }
  }
}
