package org.civic.web.sheets;

/**
 * Neutralises text that a spreadsheet program would run as a formula (CSV/formula injection): a
 * cell starting with =, +, -, @, tab or carriage return gets a leading apostrophe, which
 * spreadsheets show as text.
 */
public final class SafeCells {
  private SafeCells() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      return "'" + value;
    }
    return value;
  }
}
