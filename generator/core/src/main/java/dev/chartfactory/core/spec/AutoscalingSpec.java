package dev.chartfactory.core.spec;

/**
 * Horizontal autoscaling: {@code autoscaling: {min: 2, max: 5, cpuPercent: 70}}. Fields left out
 * (null) are taken from the level below (defaults ← app ← instance).
 */
public record AutoscalingSpec(Integer min, Integer max, Integer cpuPercent, Integer memoryPercent) {

  public AutoscalingSpec overriddenBy(AutoscalingSpec other) {
    if (other == null) {
      return this;
    }
    return new AutoscalingSpec(
        other.min != null ? other.min : min,
        other.max != null ? other.max : max,
        other.cpuPercent != null ? other.cpuPercent : cpuPercent,
        other.memoryPercent != null ? other.memoryPercent : memoryPercent);
  }
}
