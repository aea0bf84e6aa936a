package org.civic.activities.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civic.domain.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Meeting compliance (三会一课). Frequencies follow the 三会一课 convention as written in 中国共产党支部工作条例 (试行,
 * 2018) art. 18: branch members' meeting once a quarter, committee meeting once a month,
 * party-group meeting once a month, party lesson at least once a quarter; the monthly theme day
 * (主题党日); organisational-life meeting (组织生活会) and member appraisal (民主评议党员) once a year.
 *
 * <p>The period is cut into calendar buckets (months, quarters, years in Asia/Shanghai) that
 * overlap it; a bucket counts as fulfilled when a meeting of the type was held on any day of the
 * bucket.
 */
public final class MeetingRules {
  private MeetingRules() {}

  /** A held meeting: its type and the local date (Asia/Shanghai) it was held on. */
  public record HeldMeeting(ActivityType type, LocalDate heldOn) {}

  /** One calendar bucket: [start, endExclusive). */
  public record Bucket(String label, LocalDate start, LocalDate endExclusive) {
    boolean contains(LocalDate d) {
      return !d.isBefore(start) && d.isBefore(endExclusive);
    }
  }

  public record TypeCompliance(
      @Schema(
              description =
                  "Meeting type (see ActivityType): BRANCH_MEMBERS_MEETING — 支部党员大会, COMMITTEE_MEETING — 支委会, PARTY_GROUP_MEETING — 党小组会, PARTY_LESSON — 党课, …",
              example = "COMMITTEE_MEETING")
          ActivityType type,
      @Schema(description = "How often it is required: MONTHLY — 每月, QUARTERLY — 每季度, YEARLY — 每年")
          MeetingFrequency frequency,
      @Schema(
              description = "Periods (months, quarters, years) in the period that require one",
              example = "12")
          int required,
      @Schema(description = "Required periods with at least one held", example = "10")
          int fulfilled,
      @Schema(description = "Activities of the type held in the period", example = "11") int held,
      @Schema(description = "The periods without one, e.g. 2026-03 or 2026-Q2")
          List<String> missing) {}

  public record Compliance(
      @Schema(description = "First day of the period, inclusive", example = "2026-01-01")
          LocalDate from,
      @Schema(description = "Last day of the period, inclusive", example = "2026-12-31")
          LocalDate to,
      @Schema(description = "One entry per required meeting type (三会一课 and the others)")
          List<TypeCompliance> types) {
    public int required() {
      return types.stream().mapToInt(TypeCompliance::required).sum();
    }

    public int fulfilled() {
      return types.stream().mapToInt(TypeCompliance::fulfilled).sum();
    }
  }

  /** The calendar buckets of a frequency that overlap [from, to] (both inclusive). */
  public static List<Bucket> buckets(MeetingFrequency frequency, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new RuleViolation("to", "must not be before from");
    }
    List<Bucket> result = new ArrayList<>();
    LocalDate start = bucketStart(frequency, from);
    while (!start.isAfter(to)) {
      LocalDate next =
          switch (frequency) {
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            case YEARLY -> start.plusYears(1);
          };
      result.add(new Bucket(label(frequency, start), start, next));
      start = next;
    }
    return result;
  }

  /** The earliest date a meeting counted for [from, to] may have been held on. */
  public static LocalDate coveredFrom(LocalDate from) {
    return bucketStart(MeetingFrequency.YEARLY, from);
  }

  /** The day after the last date a meeting counted for [from, to] may have been held on. */
  public static LocalDate coveredUntil(LocalDate to) {
    return bucketStart(MeetingFrequency.YEARLY, to).plusYears(1);
  }

  public static Compliance evaluate(LocalDate from, LocalDate to, List<HeldMeeting> held) {
    List<TypeCompliance> types = new ArrayList<>();
    for (ActivityType type :
        Arrays.stream(ActivityType.values()).filter(t -> t.requiredFrequency() != null).toList()) {
      List<Bucket> buckets = buckets(type.requiredFrequency(), from, to);
      List<HeldMeeting> ofType =
          held.stream()
              .filter(h -> h.type() == type)
              .filter(h -> buckets.stream().anyMatch(b -> b.contains(h.heldOn())))
              .toList();
      List<String> missing = new ArrayList<>();
      for (Bucket b : buckets) {
        if (ofType.stream().noneMatch(h -> b.contains(h.heldOn()))) {
          missing.add(b.label());
        }
      }
      types.add(
          new TypeCompliance(
              type,
              type.requiredFrequency(),
              buckets.size(),
              buckets.size() - missing.size(),
              ofType.size(),
              missing));
    }
    return new Compliance(from, to, types);
  }

  private static LocalDate bucketStart(MeetingFrequency frequency, LocalDate d) {
    return switch (frequency) {
      case MONTHLY -> d.withDayOfMonth(1);
      case QUARTERLY -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
      case YEARLY -> LocalDate.of(d.getYear(), 1, 1);
    };
  }

  private static String label(MeetingFrequency frequency, LocalDate start) {
    return switch (frequency) {
      case MONTHLY -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
      case QUARTERLY -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case YEARLY -> Integer.toString(start.getYear());
    };
  }
}
