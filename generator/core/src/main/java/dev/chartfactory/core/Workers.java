package dev.chartfactory.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Background threads for work that waits on other processes or files (helm runs, Git), so it
 * can overlap with the caller's own work. Threads are daemons: a failed command never hangs the
 * JVM on exit. A failure comes back from {@link #join} as it was thrown.
 */
public final class Workers {

  private Workers() {}

  /** A pool of {@code threads} daemon threads named {@code name}; shut it down when done. */
  public static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(Math.max(1, threads), task -> daemon(task, name));
  }

  /** Runs each task on a new daemon thread named {@code name}. */
  public static Executor threadPerTask(String name) {
    return task -> daemon(task, name).start();
  }

  /** The result, or the task's own exception rather than a {@link CompletionException}. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
