package org.civic.web.security;

/** How contact and identity data look to callers who may not see them in full. */
public final class Masking {
  private Masking() {}

  /** 13812345678 → 138****5678; short values are masked entirely. */
  public static String phone(String phone) {
    return keepEnds(phone, 3, 4);
  }

  /** 110101195001011234 → 110***********1234. */
  public static String idNumber(String idNumber) {
    return keepEnds(idNumber, 3, 4);
  }

  private static String keepEnds(String value, int head, int tail) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
