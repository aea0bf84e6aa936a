package org.civic.members.service.sheet;

import java.util.Map;

/**
 * One data row of a sheet: its row number as the user sees it (the header is row 1, the first data
 * row is row 2, in both xlsx and CSV) and the cell texts by column.
 */
public record SheetRow(int number, Map<MemberColumn, String> cells) {
  public String get(MemberColumn column) {
    String v = cells.get(column);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
