package org.civic.members.service.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A generated register in the import layout (Chinese headers and labels), as xlsx. */
public final class GeneratedRegister {
  static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"};
  static final String[] GIVEN = {"秀兰", "建国", "桂英", "伟", "敏", "强", "丽", "军", "芳", "勇"};
  static final String[] CATEGORIES = {"离休", "退休", "在职", "流动"};

  private GeneratedRegister() {}

  public static byte[] xlsx(int rows, List<UUID> buildings) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
      Sheet sheet = wb.createSheet("党员名册");
      String[] header = {
        "姓名", "性别", "出生日期", "民族", "党员身份", "入党日期", "转正日期", "党员类别", "爱好特长", "楼幢编号", "单元", "室号"
      };
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        int year = 1935 + r % 60;
        String[] v = {
          SURNAMES[r % 10] + GIVEN[(r / 10) % 10] + r,
          r % 2 == 0 ? "女" : "男",
          "%d-%02d-%02d".formatted(year, 1 + r % 12, 1 + r % 28),
          "汉族",
          "正式党员",
          "%d-07-01".formatted(year + 22),
          "%d-07-01".formatted(year + 23),
          CATEGORIES[r % 4],
          r % 3 == 0 ? "医疗;书法" : "维修",
          buildings.get(r % buildings.size()).toString(),
          Integer.toString(1 + r % 4),
          Integer.toString(100 + r % 300)
        };
        for (int i = 0; i < v.length; i++) {
          row.createCell(i).setCellValue(v[i]);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      wb.dispose();
      return out.toByteArray();
    }
  }
}
