package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static String ageOf(Duration age) {
    return Ages.format(NOW.minus(age), NOW);
  }

  @Test
  void format_usesTheTwoLargestUnits() {
    assertThat(ageOf(Duration.ofDays(1).plusHours(2).plusMinutes(59))).isEqualTo("1d 2h");
    assertThat(ageOf(Duration.ofDays(40))).isEqualTo("40d 0h");
    assertThat(ageOf(Duration.ofHours(3).plusMinutes(4))).isEqualTo("3h 4m");
    assertThat(ageOf(Duration.ofMinutes(5).plusSeconds(6))).isEqualTo("5m 6s");
    assertThat(ageOf(Duration.ofSeconds(7))).isEqualTo("7s");
  }

  @Test
  void format_whenUnknownOrInTheFuture_staysReadable() {
    assertThat(Ages.format(null, NOW)).isEqualTo("-");
    assertThat(Ages.format(NOW.plusSeconds(30), NOW)).isEqualTo("0s");
  }
}
