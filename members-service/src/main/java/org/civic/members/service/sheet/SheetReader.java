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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the member sheet from CSV (UTF-8) or xlsx (the first worksheet) into rows. */
public final class SheetReader {
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
            out.put(column, c.get(index));
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
