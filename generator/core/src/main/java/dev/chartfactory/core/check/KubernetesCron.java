package dev.chartfactory.core.check;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Cron schedules and time zones as Kubernetes' CronJob reads them: its API server parses a
 * schedule with robfig/cron's standard parser (five fields, day of week 0-6, month and day
 * names, {@code ?} for "any day", and the {@code @hourly}-style macros) and loads a time zone
 * from the IANA database. cron-utils, set up with the same fields and ranges, does the parsing.
 */
final class KubernetesCron {

  static final String EXPECTED = "expected five fields: minute (0-59) hour (0-23) day-of-month (1-31)"
      + " month (1-12 or JAN-DEC) day-of-week (0-6 or SUN-SAT), e.g. \"0 3 * * *\", or one of"
      + " @hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually";

  private static final CronParser PARSER = new CronParser(definition());

  private KubernetesCron() {}

  /** Why Kubernetes would refuse {@code schedule}, or empty when it accepts it. */
  static Optional<String> scheduleProblem(String schedule) {
    if (schedule.isBlank()) {
      return Optional.of("the schedule is empty");
    }
    try {
      PARSER.parse(schedule.strip());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().replace("Failed to parse cron expression.", "").strip();
      return Optional.of(reason.isEmpty() ? "it cannot be parsed" : reason);
    }
  }

  /** Why {@code zone} is not an IANA time zone name, or empty when it is one. */
  static Optional<String> timeZoneProblem(String zone) {
    // ZoneId also takes offsets (+02:00) and prefixes (UTC+2); Kubernetes wants a name from the database.
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      try {
        ZoneId.of(zone);
        return Optional.of("it is an offset, not a time zone name");
      } catch (DateTimeException e) {
        return Optional.of("there is no such time zone");
      }
    }
    return Optional.empty();
  }

  private static CronDefinition definition() {
    return CronDefinitionBuilder.defineCron()
        .withMinutes().withValidRange(0, 59).withStrictRange().and()
        .withHours().withValidRange(0, 23).withStrictRange().and()
        .withDayOfMonth().supportsQuestionMark().withValidRange(1, 31).withStrictRange().and()
        .withMonth().withValidRange(1, 12).withStrictRange().and()
        .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).supportsQuestionMark()
        .withStrictRange().and()
        .withSupportedNicknameHourly()
        .withSupportedNicknameDaily()
        .withSupportedNicknameMidnight()
        .withSupportedNicknameWeekly()
        .withSupportedNicknameMonthly()
        .withSupportedNicknameYearly()
        .withSupportedNicknameAnnually()
        .instance();
  }
}
