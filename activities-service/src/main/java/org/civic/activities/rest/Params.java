package org.civic.activities.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.civic.activities.domain.VisitRules;
import org.civic.web.problem.ProblemException;

/** Query parameters read by hand, so a malformed value is a 400 problem naming the parameter. */
final class Params {
  private Params() {}

  /** YYYY-MM, or the current month in Asia/Shanghai when absent. */
  static YearMonth month(String value) {
    if (value == null || value.isBlank()) {
      return YearMonth.now(VisitRules.ZONE);
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("month", "must be YYYY-MM, not '" + value + "'");
    }
  }

  static LocalDate date(String name, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ProblemException.invalid(name, "is required (YYYY-MM-DD)");
      }
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(name, "must be YYYY-MM-DD, not '" + value + "'");
    }
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          name,
          "must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ", not '"
              + value
              + "'");
    }
  }

  static java.util.UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.util.UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(name, "must be a UUID, not '" + value + "'");
    }
  }
}
