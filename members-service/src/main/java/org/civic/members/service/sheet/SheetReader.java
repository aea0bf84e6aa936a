package org.civic.members.service.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the member sheet from CSV (UTF-8) or xlsx (the first worksheet) into rows.
 *
 * <p>An xlsx is a zip: before anything is parsed, Apache POI's {@link ZipSecureFile} limits refuse
 * a workbook whose entries expand far beyond their compressed size (a zip bomb) or beyond {@link
 * #MAX_ENTRY_BYTES}; such a file is a {@link SheetTooLargeException} (413), not parsed.
 */
public final class SheetReader {
  /**
   * Smallest accepted ratio of compressed to expanded size per zip entry: real workbooks compress
   * to 10-30 %; a bomb of repeated bytes to far below 1 %.
   */
  public static final double MIN_INFLATE_RATIO = 0.01;

  /**
   * Largest expanded zip entry (a worksheet's XML): the export of a 20,000-row register is about 23
   * MB of sheet XML (inline strings), compressed to 8 %.
   */
  public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  /** Most characters of text POI extracts from one part. */
  public static final long MAX_TEXT_CHARS = 20_000_000L;

  static {
    // Process-wide settings of POI; this class is the only reader of uploaded workbooks.
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
  }

  private final int maxRows;

  public SheetReader(int maxRows) {
    this.maxRows = maxRows;
  }

  public List<SheetRow> csv(byte[] body) {
    String text = utf8(body);
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      List<SheetRow> rows = new ArrayList<>();
      Map<Integer, MemberColumn> columns = null;
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        List<String> cells = record.toList();
        if (columns == null) {
          columns = header(cells);
          continue;
        }
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          continue;
        }
        checkRowCount(rows.size());
        rows.add(new SheetRow(number, map(columns, cells)));
      }
      if (columns == null) {
        throw new UnreadableSheetException("The CSV is empty: expected a header row");
      }
      return rows;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new UnreadableSheetException("The CSV is malformed: " + e.getMessage(), e);
    }
  }

  public List<SheetRow> xlsx(byte[] body) {
    Workbook workbook;
    try {
      workbook = new XSSFWorkbook(new ByteArrayInputStream(body));
    } catch (IOException | RuntimeException e) {
      if (isZipBomb(e)) {
        throw new SheetTooLargeException(
            "The workbook was refused unread: its contents expand far beyond the size of the file"
                + " (more than "
                + Math.round(1 / MIN_INFLATE_RATIO)
                + " times, or beyond "
                + MAX_ENTRY_BYTES / (1024 * 1024)
                + " MB for one part), as a zip bomb does. Save the sheet again from the"
                + " spreadsheet program or split it.",
            e);
      }
      throw new UnreadableSheetException(
          "The file is not a readable .xlsx workbook: " + e.getMessage(), e);
    }
    try (workbook) {
      if (workbook.getNumberOfSheets() == 0) {
        throw new UnreadableSheetException("The workbook has no worksheet");
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      List<SheetRow> rows = new ArrayList<>();
      Map<Integer, MemberColumn> columns = null;
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        short last = row.getLastCellNum();
        for (int i = 0; i < Math.max(last, 0); i++) {
          cells.add(text(row.getCell(i), formatter));
        }
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          continue;
        }
        if (columns == null) {
          columns = header(cells);
          continue;
        }
        checkRowCount(rows.size());
        rows.add(new SheetRow(row.getRowNum() + 1, map(columns, cells)));
      }
      if (columns == null) {
        throw new UnreadableSheetException("The worksheet is empty: expected a header row");
      }
      return rows;
    } catch (IOException e) {
      throw new UnreadableSheetException("The workbook could not be read: " + e.getMessage(), e);
    }
  }

  /** POI's ZipSecureFile refusals (ratio, entry size, text size) all say "Zip bomb detected". */
  static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("Zip bomb detected")) {
        return true;
      }
    }
    return false;
  }

  private void checkRowCount(int rowsSoFar) {
    if (rowsSoFar >= maxRows) {
      throw new UnreadableSheetException(
          "The sheet has more than " + maxRows + " rows; split it into several files");
    }
  }

  private static Map<Integer, MemberColumn> header(List<String> cells) {
    Map<Integer, MemberColumn> columns = new java.util.HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      MemberColumn c = MemberColumn.forHeader(cells.get(i));
      if (c != null) {
        if (columns.containsValue(c)) {
          throw new UnreadableSheetException(
              "The header names column " + c.english + " (" + c.chinese + ") twice");
        }
        columns.put(i, c);
      }
    }
    List<String> missing = new ArrayList<>();
    for (MemberColumn c : MemberColumn.values()) {
      if (c.required && !columns.containsValue(c)) {
        missing.add(c.english + " (" + c.chinese + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new UnreadableSheetException(
          "The header row (row 1) lacks the required columns " + String.join(", ", missing));
    }
    return columns;
  }

  private static Map<MemberColumn, String> map(Map<Integer, MemberColumn> columns, List<String> c) {
    Map<MemberColumn, String> out = new EnumMap<>(MemberColumn.class);
    columns.forEach(
        (index, column) -> {
          if (index < c.size()) {
            out.put(column, CellText.unneutralise(c.get(index)));
          }
        });
    return out;
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return null;
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
      return date.toString();
    }
    return formatter.formatCellValue(cell);
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableSheetException(
          "The CSV is not UTF-8 text (save it as \"CSV UTF-8\"), or not a CSV at all");
    }
  }
}
