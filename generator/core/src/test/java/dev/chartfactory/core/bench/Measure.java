package dev.chartfactory.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** Small timing helpers for the benchmarks: warm-up, median of runs, peak heap. */
public final class Measure {

  private Measure() {}

  /** Runs {@code work} warmups+runs times and returns the median of the timed runs, in ms. */
  public static double medianMillis(int warmups, int runs, Callable<?> work) throws Exception {
    for (int i = 0; i < warmups; i++) {
      work.call();
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.call();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[runs / 2];
  }

  public static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage since the last reset, in MiB (an upper bound). */
  public static double peakHeapMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  public static void row(String name, String value, String target, boolean met) {
    System.out.printf("%-48s %16s   target %-22s %s%n", name, value, target, met ? "OK" : "MISSED");
  }
}
