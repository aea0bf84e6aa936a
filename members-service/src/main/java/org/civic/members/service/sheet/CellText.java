package org.civic.members.service.sheet;

/** Cell text as the importer reads it. */
public final class CellText {
  private CellText() {}

  /**
   * Undoes the formula neutralising of the export (web-commons {@code SafeCells}): a leading
   * apostrophe followed by =, +, -, @, tab or CR is removed, so an exported register re-imports as
   * it was. Any other apostrophe is kept.
   */
  public static String unneutralise(String value) {
    if (value == null || value.length() < 2 || value.charAt(0) != '\'') {
      return value;
    }
    char next = value.charAt(1);
    if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') {
      return value.substring(1);
    }
    return value;
  }
}
