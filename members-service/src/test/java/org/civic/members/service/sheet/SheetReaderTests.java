package org.civic.members.service.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

public class SheetReaderTests {

  /**
   * A real workbook whose first worksheet's XML is padded with {@code megabytes} MB of spaces: the
   * zip entry expands about a thousand times, as a zip bomb does.
   */
  public static byte[] zipBomb(int megabytes) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("名册").createRow(0).createCell(0).setCellValue("姓名");
      wb.write(plain);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          zip.write(
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                      + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
                  .getBytes(StandardCharsets.UTF_8));
          byte[] spaces = new byte[1024 * 1024];
          Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < megabytes; i++) {
            zip.write(spaces);
          }
          zip.write("<sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void aZipBombIsRefusedUnreadAsTooLarge() throws IOException {
    byte[] bomb = zipBomb(40);
    assertThat(bomb.length).isLessThan(200 * 1024);
    assertThatThrownBy(() -> new SheetReader(20_000).xlsx(bomb))
        .isInstanceOf(SheetTooLargeException.class)
        .hasMessageContaining("zip bomb");
  }

  @Test
  void neutralisedCellsAreReadBackAsTheyWere() {
    String csv =
        "name,gender,birthDate,standing,category,unit,room,workUnit\n"
            + "'=1+2,MALE,1950-01-01,FULL,RETIRED,1,1,'+86 单位\n";
    List<SheetRow> rows = new SheetReader(10).csv(csv.getBytes(StandardCharsets.UTF_8));
    Map<MemberColumn, String> cells = rows.get(0).cells();
    assertThat(cells.get(MemberColumn.NAME)).isEqualTo("=1+2");
    assertThat(cells.get(MemberColumn.WORK_UNIT)).isEqualTo("+86 单位");
  }

  /**
   * The streaming reader reads what the workbook model (XSSFWorkbook + DataFormatter, the reader
   * before it) read: shared and inline strings, numbers in their format, dates in any date format
   * as ISO dates, booleans, gaps, blank rows skipped, unknown columns ignored, row numbers as
   * shown.
   */
  @Test
  void theStreamingReaderReadsWhatTheWorkbookModelRead() throws IOException {
    for (boolean date1904 : new boolean[] {false, true}) {
      byte[] file = variedWorkbook(date1904);
      List<SheetRow> streamed = new SheetReader(100).xlsx(file);
      assertThat(streamed).hasSize(4);
      assertThat(streamed).isEqualTo(readWithTheWorkbookModel(file));
      SheetRow first = streamed.get(0);
      assertThat(first.number()).isEqualTo(3);
      assertThat(first.get(MemberColumn.NAME)).isEqualTo("=1+2");
      assertThat(first.get(MemberColumn.BIRTH_DATE)).isEqualTo("1950-01-31");
      assertThat(first.get(MemberColumn.JOINED_ON)).isEqualTo("1972-07-01");
      assertThat(first.get(MemberColumn.ROOM)).isEqualTo("101");
      assertThat(streamed.get(1).get(MemberColumn.BIRTH_DATE)).isEqualTo("1948-12-01");
      assertThat(streamed.get(2).get(MemberColumn.UNIT)).isEqualTo("2.50");
      assertThat(streamed.get(3).number()).isEqualTo(8);
    }
  }

  @Test
  void aFormulaCellReadsAsTheValueTheSpreadsheetShows() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("名册");
      header(sheet.createRow(0));
      Row row = sheet.createRow(1);
      Cell name = row.createCell(0);
      name.setCellFormula("\"张\"&\"三\"");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      row.createCell(5).setCellValue("1");
      wb.write(out);
    }
    List<SheetRow> rows = new SheetReader(10).xlsx(out.toByteArray());
    assertThat(rows.get(0).get(MemberColumn.NAME)).isEqualTo("张三");
  }

  @Test
  void tooManyRowsStopTheRead() throws IOException {
    byte[] file = GeneratedRegister.xlsx(11, List.of(java.util.UUID.randomUUID()));
    assertThatThrownBy(() -> new SheetReader(10).xlsx(file))
        .isInstanceOf(UnreadableSheetException.class)
        .hasMessageContaining("more than 10 rows");
    assertThat(new SheetReader(11).xlsx(file)).hasSize(11);
  }

  @Test
  void columnsOfCellReferences() {
    assertThat(SheetReader.column("A1")).isZero();
    assertThat(SheetReader.column("L20001")).isEqualTo(11);
    assertThat(SheetReader.column("AB3")).isEqualTo(27);
  }

  private static void header(Row row) {
    String[] names = {"姓名", "性别", "出生日期", "入党日期", "单元", "室号", "备注", "状态", "党员身份", "党员类别"};
    for (int i = 0; i < names.length; i++) {
      row.createCell(i).setCellValue(names[i]);
    }
  }

  /** Shared strings, styles and dates; a second sheet with rows that must not be read. */
  private static byte[] variedWorkbook(boolean date1904) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      if (date1904) {
        wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
      }
      CellStyle builtinDate = wb.createCellStyle();
      builtinDate.setDataFormat((short) 14);
      CellStyle chineseDate = wb.createCellStyle();
      chineseDate.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      CellStyle twoDecimals = wb.createCellStyle();
      twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      Sheet sheet = wb.createSheet("名册");
      sheet.createRow(0); // an empty first row: the header is the first non-blank one
      header(sheet.createRow(1));
      Row r = sheet.createRow(2);
      r.createCell(0).setCellValue("'=1+2");
      r.createCell(1).setCellValue("男");
      Cell born = r.createCell(2);
      born.setCellValue(java.time.LocalDate.of(1950, 1, 31));
      born.setCellStyle(builtinDate);
      Cell joined = r.createCell(3);
      joined.setCellValue(java.time.LocalDate.of(1972, 7, 1));
      joined.setCellStyle(chineseDate);
      r.createCell(4).setCellValue(1);
      r.createCell(5).setCellValue(101);
      r.createCell(6).setCellValue(true);
      r = sheet.createRow(3);
      r.createCell(0).setCellValue("李四");
      born = r.createCell(2);
      born.setCellValue(java.time.LocalDate.of(1948, 12, 1));
      born.setCellStyle(chineseDate);
      r.createCell(5).setCellValue("'202"); // a plain apostrophe stays
      r = sheet.createRow(4);
      r.createCell(0).setCellValue("  王五 ");
      Cell unit = r.createCell(4);
      unit.setCellValue(2.5);
      unit.setCellStyle(twoDecimals);
      r.createCell(7).setCellValue("正常");
      sheet.createRow(5).createCell(3).setCellValue("   "); // blank: skipped
      sheet.createRow(6).createCell(1); // an empty cell only: skipped
      sheet.createRow(7).createCell(7).setCellValue("失联"); // gaps before the only cell
      wb.createSheet("其他").createRow(0).createCell(0).setCellValue("姓名");
      wb.write(out);
    }
    return out.toByteArray();
  }

  /** The reader before streaming, kept as the reference: the workbook model and DataFormatter. */
  private static List<SheetRow> readWithTheWorkbookModel(byte[] file) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      DataFormatter formatter = new DataFormatter();
      List<SheetRow> rows = new ArrayList<>();
      Map<Integer, MemberColumn> columns = null;
      for (Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
          Cell cell = row.getCell(i);
          String text;
          if (cell == null) {
            text = null;
          } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            text = cell.getLocalDateTimeCellValue().toLocalDate().toString();
          } else {
            text = formatter.formatCellValue(cell);
          }
          cells.add(text);
        }
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
          continue;
        }
        if (columns == null) {
          columns = new HashMap<>();
          for (int i = 0; i < cells.size(); i++) {
            MemberColumn c = MemberColumn.forHeader(cells.get(i));
            if (c != null) {
              columns.put(i, c);
            }
          }
          continue;
        }
        Map<MemberColumn, String> values = new EnumMap<>(MemberColumn.class);
        for (Map.Entry<Integer, MemberColumn> e : columns.entrySet()) {
          if (e.getKey() < cells.size()) {
            values.put(e.getValue(), CellText.unneutralise(cells.get(e.getKey())));
          }
        }
        rows.add(new SheetRow(row.getRowNum() + 1, values));
      }
      return rows;
    }
  }
}
