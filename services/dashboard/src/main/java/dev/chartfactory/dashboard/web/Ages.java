package dev.chartfactory.dashboard.web;

import java.time.Duration;
import java.time.Instant;

/** Formats an age the way kubectl users read it: the two largest units, {@code 1d 2h}. */
public final class Ages {

  private Ages() {}

  /** {@code 1d 2h}, {@code 3h 4m}, {@code 5m 6s}, {@code 7s}; {@code -} when unknown. */
  public static String format(Instant createdAt, Instant now) {
    if (createdAt == null) {
      return "-";
    }
    Duration age = Duration.between(createdAt, now);
    if (age.isNegative()) {
      age = Duration.ZERO;
    }
    long days = age.toDays();
    if (days > 0) {
      return days + "d " + age.toHoursPart() + "h";
    }
    if (age.toHours() > 0) {
      return age.toHours() + "h " + age.toMinutesPart() + "m";
    }
    if (age.toMinutes() > 0) {
      return age.toMinutes() + "m " + age.toSecondsPart() + "s";
    }
    return age.toSeconds() + "s";
  }
}
