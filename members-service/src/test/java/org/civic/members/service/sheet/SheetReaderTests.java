package org.civic.members.service.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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
}
