package org.civic.members.rest;

import java.util.Arrays;
import java.util.UUID;
import org.civic.web.problem.ProblemException;

/**
 * Query parameters read by hand: JAX-RS turns an unconvertible query parameter into a 404, but a
 * wrong filter value is a 400 problem naming the parameter.
 */
final class Params {
  private Params() {}

  static UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(name, "'" + value + "' is not a UUID");
    }
  }

  static <E extends Enum<E>> E enumeration(String name, Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.trim())) {
        return e;
      }
    }
    throw ProblemException.invalid(
        name,
        "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
  }

  static Integer integer(String name, String value, int min, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw ProblemException.invalid(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(name, "'" + value + "' is not a whole number");
    }
  }
}
