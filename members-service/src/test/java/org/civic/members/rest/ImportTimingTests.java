package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the import of a generated register (not a timed assertion). Runs only on request: {@code
 * ./mvnw -pl members-service test -Dtest=ImportTimingTests -Dimport.timing=true
 * [-Dimport.rows=10000]}; prints the time.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
@EnabledIfSystemProperty(named = "import.timing", matches = "true")
class ImportTimingTests {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"};
  static final String[] GIVEN = {"秀兰", "建国", "桂英", "伟", "敏", "强", "丽", "军", "芳", "勇"};
  static final String[] CATEGORIES = {"离休", "退休", "在职", "流动"};

  static byte[] register(int rows, List<UUID> buildings) throws Exception {
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
      return out.toByteArray();
    }
  }

  @Test
  void timeTheImportOfAGeneratedRegister() throws Exception {
    int rows = Integer.getInteger("import.rows", 10_000);
    UUID community = UUID.randomUUID();
    List<UUID> buildings = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      buildings.add(knownBuilding(community));
    }
    byte[] file = register(rows, buildings);
    long start = System.nanoTime();
    int serverMillis =
        given()
            .config(
                RestAssuredConfig.config()
                    .httpClient(
                        HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 900_000)))
            .contentType(XLSX)
            .body(file)
            .post("/api/v1/members/import")
            .then()
            .statusCode(200)
            .extract()
            .path("millis");
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "IMPORT TIMING: %d rows (%d bytes xlsx) imported in %d ms end to end, %d ms in the"
            + " service transaction%n",
        rows, file.length, millis, serverMillis);
    int total =
        given()
            .queryParam("communityId", community.toString())
            .get("/api/v1/members")
            .then()
            .extract()
            .path("total");
    assertThat(total).isEqualTo(rows);
    long exportStart = System.nanoTime();
    byte[] export =
        given()
            .queryParam("communityId", community.toString())
            .get("/api/v1/members/export")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    System.out.printf(
        "EXPORT TIMING: %d rows, %d bytes in %d ms%n",
        rows, export.length, (System.nanoTime() - exportStart) / 1_000_000);
  }
}
