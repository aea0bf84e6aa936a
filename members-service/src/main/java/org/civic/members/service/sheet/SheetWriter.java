package org.civic.members.service.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civic.web.sheets.SafeCells;

/**
 * Writes the member sheet as xlsx: Chinese headers (the import accepts them), one member per row,
 * all cells as text (dates ISO yyyy-MM-dd) so the file re-imports exactly. Every cell goes through
 * {@link SafeCells#text}: a value a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe, which the importer removes again ({@link CellText#unneutralise}).
 */
public final class SheetWriter {
  private SheetWriter() {}

  public static byte[] xlsx(String sheetName, List<Map<MemberColumn, String>> rows) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet(sheetName);
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      List<MemberColumn> columns = MemberColumn.all();
      Row header = sheet.createRow(0);
      for (int i = 0; i < columns.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(SafeCells.text(columns.get(i).chinese));
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (Map<MemberColumn, String> values : rows) {
        Row row = sheet.createRow(r++);
        for (int i = 0; i < columns.size(); i++) {
          String v = values.get(columns.get(i));
          if (v != null) {
            row.createCell(i).setCellValue(SafeCells.text(v));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
