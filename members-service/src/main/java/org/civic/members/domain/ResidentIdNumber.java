package org.civic.members.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The resident identity card number (居民身份证号码, GB 11643-1999): 6 digits of the address code, 8 of
 * the birth date (yyyyMMdd), 3 of the sequence code and a check character (0-9 or X) computed with
 * ISO 7064 MOD 11-2.
 */
public final class ResidentIdNumber {
  public static final int LENGTH = 18;

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private ResidentIdNumber() {}

  /** The number as stored: trimmed, a lower-case x check character upper-cased. */
  public static String normalise(String raw) {
    return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
  }

  /** What is wrong with the (normalised) number, or null when it is a valid number. */
  public static String problem(String number) {
    if (number == null || number.length() != LENGTH) {
      return "must be 18 characters: 17 digits and a check digit or X";
    }
    for (int i = 0; i < LENGTH - 1; i++) {
      if (!isAsciiDigit(number.charAt(i))) {
        return "must be 18 characters: 17 digits and a check digit or X";
      }
    }
    char last = number.charAt(LENGTH - 1);
    if (!isAsciiDigit(last) && last != 'X') {
      return "must be 18 characters: 17 digits and a check digit or X";
    }
    if (birthDate(number) == null) {
      return "characters 7 to 14 must be a valid birth date (yyyyMMdd)";
    }
    if (checkCharacter(number) != last) {
      return "the check digit does not match (GB 11643): mistyped number?";
    }
    return null;
  }

  /** The check character (GB 11643, ISO 7064 MOD 11-2) of the first 17 digits. */
  public static char checkCharacter(String number) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      sum += (number.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  private static LocalDate birthDate(String number) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(number.substring(6, 10)),
              Integer.parseInt(number.substring(10, 12)),
              Integer.parseInt(number.substring(12, 14)));
      return date.getYear() < 1900 ? null : date;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
