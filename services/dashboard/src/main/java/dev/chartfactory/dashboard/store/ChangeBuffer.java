package dev.chartfactory.dashboard.store;

import dev.chartfactory.dashboard.cluster.ClusterChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded queue between the informers (producers) and the {@link ChangeWriter} (one consumer).
 * When full, a change is dropped, counted, and {@link #takeOverflowed()} tells the writer to
 * re-read the current state from the caches once it has caught up.
 */
public final class ChangeBuffer {

  private final BlockingQueue<ClusterChange> queue;
  private final int capacity;
  private final AtomicLong overflow = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicBoolean overflowedSinceResync = new AtomicBoolean();

  public ChangeBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("dashboard.buffer.capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Adds a change; false (and counted) when the buffer is full. */
  public boolean offer(ClusterChange change) {
    if (queue.offer(change)) {
      accepted.incrementAndGet();
      return true;
    }
    overflow.incrementAndGet();
    overflowedSinceResync.set(true);
    return false;
  }

  /** Waits up to {@code wait} for a first change, then takes up to {@code max} changes. */
  public List<ClusterChange> drain(int max, Duration wait) throws InterruptedException {
    List<ClusterChange> batch = new ArrayList<>(Math.min(max, 1024));
    ClusterChange first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    queue.drainTo(batch, max - 1);
    return batch;
  }

  /** Drops everything queued (this replica stopped being the writer). */
  public void clear() {
    queue.clear();
  }

  /** True once after changes were dropped; the caller then resynchronises from the caches. */
  public boolean takeOverflowed() {
    return overflowedSinceResync.getAndSet(false);
  }

  public int size() {
    return queue.size();
  }

  public int capacity() {
    return capacity;
  }

  /** Changes dropped because the buffer was full, since start. */
  public long overflowCount() {
    return overflow.get();
  }

  /** Changes accepted, since start. */
  public long acceptedCount() {
    return accepted.get();
  }
}
