package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;
import static org.civic.members.rest.TestData.memberJson;
import static org.civic.members.rest.TestData.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.members.domain.KnownBuilding;
import org.civic.members.persistence.HouseholdRepository;
import org.civic.members.persistence.KnownBuildingRepository;
import org.civic.members.service.sheet.GeneratedRegister;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberImportResourceTests {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static byte[] xlsx(List<List<Object>> rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("名册");
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i);
        List<Object> cells = rows.get(i);
        for (int j = 0; j < cells.size(); j++) {
          Object v = cells.get(j);
          if (v instanceof Number n) {
            row.createCell(j).setCellValue(n.doubleValue());
          } else if (v != null) {
            row.createCell(j).setCellValue(v.toString());
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  static int count(UUID community) {
    return given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/members")
        .then()
        .extract()
        .path("total");
  }

  @Inject KnownBuildingRepository buildings;
  @Inject HouseholdRepository households;

  /**
   * More buildings than one query binds (256): the import looks its buildings up and finds its
   * households in chunks of single-valued parameters (ADR 0009), and must still see them all.
   */
  @Test
  void aRegisterNamingHundredsOfBuildingsImportsWhole() throws Exception {
    UUID community = UUID.randomUUID();
    List<UUID> named = new ArrayList<>(List.of(knownBuilding(community))); // puts it in scope
    List<KnownBuilding> more = new ArrayList<>();
    for (int i = 0; i < 299; i++) {
      KnownBuilding b = new KnownBuilding();
      b.id = UUID.randomUUID();
      b.apply(1, community, i + "号楼", 4, "金贡里");
      more.add(b);
      named.add(b.id);
    }
    QuarkusTransaction.requiringNew().run(() -> buildings.persist(more));

    given()
        .contentType(XLSX)
        .body(GeneratedRegister.xlsx(600, named))
        .post("/api/v1/members/import")
        .then()
        .statusCode(200)
        .body("imported", equalTo(600));

    assertThat(count(community)).isEqualTo(600);
    // Every row's address has its household, in the building the row named.
    long inTheseBuildings =
        QuarkusTransaction.requiringNew().call(() -> households.count("communityId", community));
    assertThat(inTheseBuildings).isEqualTo(300); // rows r and r + 300 share an address
  }

  @Test
  void aCsvWithEnglishHeadersImportsEveryRowAndPublishesOneEventEach() {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    String csv =
        """
        name,gender,birthDate,standing,category,specialties,buildingId,unit,room,phone
        王一,MALE,1950-01-01,FULL,RETIRED,"medical;repair",%1$s,1,101,13800000001
        王二,FEMALE,1960-02-02,PROBATIONARY,EMPLOYED,,%1$s,1,101,
        "王,三",MALE,1940-03-03,FULL,RETIRED_CADRE,law,%1$s,2,201,
        """
            .formatted(building);
    given()
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/members/import")
        .then()
        .statusCode(200)
        .body("imported", equalTo(3))
        .body("dryRun", equalTo(false));
    given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/members")
        .then()
        .body("total", equalTo(3))
        .body("items.name", hasItems("王一", "王二", "王,三"));
    given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/households")
        .then()
        .body("total", equalTo(2));
    String id =
        given()
            .queryParam("communityId", community.toString())
            .queryParam("q", "王一")
            .get("/api/v1/members")
            .then()
            .body("items[0].specialties", hasItems("medical", "repair"))
            .extract()
            .path("items[0].id");
    TestData.kafka()
        .awaitRecords("members.events", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
  }

  @Test
  void anXlsxWithChineseHeadersAndLabelsImports() throws Exception {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    byte[] file =
        xlsx(
            List.of(
                List.of("姓名", "性别", "出生日期", "党员身份", "党员类别", "单元", "室号", "爱好特长", "备注"),
                List.of("张秀兰", "女", "1948-03-02", "正式党员", "退休", 2, "301", "医疗、书法", "x"),
                List.of("李明", "男", "1985/7/1", "预备党员", "在职", "1", "102", "", "")));
    given()
        .contentType(XLSX)
        .queryParam("buildingId", building.toString())
        .body(file)
        .post("/api/v1/members/import")
        .then()
        .statusCode(200)
        .body("imported", equalTo(2));
    given()
        .queryParam("communityId", community.toString())
        .queryParam("q", "秀")
        .get("/api/v1/members")
        .then()
        .body("total", equalTo(1))
        .body("items[0].unit", equalTo("2"))
        .body("items[0].category", equalTo("RETIRED"))
        .body("items[0].specialties", hasItems("医疗", "书法"));
  }

  @Test
  void everyBadRowIsReportedInOne422AndNothingIsImported() throws Exception {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    UUID unknown = UUID.randomUUID();
    byte[] file =
        xlsx(
            List.of(
                List.of("姓名", "性别", "出生日期", "党员身份", "党员类别", "楼幢编号", "单元", "室号"),
                List.of("好人", "女", "1948-03-02", "正式党员", "退休", building.toString(), "1", "1"),
                List.of("坏日", "女", "2023-02-30", "正式党员", "退休", building.toString(), "1", "1"),
                List.of("坏类", "男", "1950-01-01", "正式党员", "养老", building.toString(), "1", "1"),
                List.of("坏楼", "男", "1950-01-01", "FULL", "RETIRED", unknown.toString(), "1", "1"),
                List.of("", "男", "2999-01-01", "FULL", "RETIRED", building.toString(), "1", "")));
    given()
        .contentType(XLSX)
        .body(file)
        .post("/api/v1/members/import")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("nothing was imported"))
        .body(
            "errors.field",
            hasItems(
                "row 3: birthDate",
                "row 4: category",
                "row 5: buildingId",
                "row 6: name",
                "row 6: room",
                "row 6: birthDate"));
    assertThat(count(community)).isZero();
  }

  @Test
  void aDryRunValidatesAndImportsNothing() {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    String csv =
        "name,gender,birthDate,standing,category,buildingId,unit,room\n"
            + "试一,MALE,1950-01-01,FULL,RETIRED,%s,1,1\n".formatted(building);
    given()
        .contentType("text/csv; charset=UTF-8")
        .queryParam("dryRun", true)
        .body(csv)
        .post("/api/v1/members/import")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("rows", equalTo(1))
        .body("imported", equalTo(0));
    assertThat(count(community)).isZero();
  }

  @Test
  void malformedFilesAreA4xxProblem() {
    given()
        .contentType(XLSX)
        .body("this is not a workbook".getBytes())
        .post("/api/v1/members/import")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("xlsx"));
    given()
        .contentType("text/csv")
        .body("name,gender\n\"unterminated,MALE\n")
        .post("/api/v1/members/import")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType("text/csv")
        .body("foo,bar\n1,2\n")
        .post("/api/v1/members/import")
        .then()
        .statusCode(400)
        .body("detail", containsString("name (姓名)"));
    given()
        .contentType("text/csv")
        .body(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41})
        .post("/api/v1/members/import")
        .then()
        .statusCode(400);
    given()
        .contentType("application/pdf")
        .body("%PDF-1.4".getBytes())
        .post("/api/v1/members/import")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given()
        .contentType("text/csv")
        .body(new byte[6 * 1024 * 1024])
        .post("/api/v1/members/import")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void anExportedRegisterReimportsCleanly() throws Exception {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    register(memberJson("出口一", building, "1", "101"));
    register(memberJson("出口二", "1990-05-01", "EMPLOYED", building, "2", "202", "[\"law\",\"it\"]"));
    byte[] file =
        given()
            .queryParam("buildingId", building.toString())
            .get("/api/v1/members/export")
            .then()
            .statusCode(200)
            .contentType(XLSX)
            .header("Content-Disposition", containsString("attachment"))
            .extract()
            .asByteArray();
    given()
        .contentType(XLSX)
        .body(file)
        .post("/api/v1/members/import")
        .then()
        .statusCode(200)
        .body("imported", equalTo(2));
    List<Map<String, Object>> items =
        given()
            .queryParam("buildingId", building.toString())
            .queryParam("q", "出口二")
            .get("/api/v1/members")
            .then()
            .body("total", equalTo(2))
            .extract()
            .path("items");
    Map<String, Object> a = items.get(0);
    Map<String, Object> b = items.get(1);
    for (String field :
        List.of(
            "name",
            "gender",
            "birthDate",
            "standing",
            "category",
            "specialties",
            "phone",
            "joinedOn",
            "fullMemberOn",
            "unit",
            "room",
            "householdId",
            "ethnicity")) {
      assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
    }
    given()
        .get("/api/v1/members/export")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aZipBombIsRefusedUnreadWithA413() throws Exception {
    byte[] bomb = org.civic.members.service.sheet.SheetReaderTests.zipBomb(40);
    given()
        .contentType(XLSX)
        .body(bomb)
        .post("/api/v1/members/import")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("zip bomb"));
  }

  @Test
  void exportedCellsCannotRunAsFormulasAndStillReimportAsTheyWere() throws Exception {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    String formula = "=HYPERLINK(\\\"http://evil.example\\\",\\\"点我\\\")"; // JSON-escaped
    register(
        memberJson("公式", building, "1", "101")
            .replace("13800000000", "+8613800000000")
            .replace(
                "\"category\"",
                "\"workUnit\":\"%s\",\"position\":\"@SUM(A1)\",\"category\"".formatted(formula)));
    byte[] file =
        given()
            .queryParam("buildingId", building.toString())
            .get("/api/v1/members/export")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
      java.util.List<String> cells = new java.util.ArrayList<>();
      java.util.List<org.apache.poi.ss.usermodel.CellType> types = new java.util.ArrayList<>();
      wb.getSheetAt(0)
          .getRow(1)
          .forEach(
              c -> {
                cells.add(c.getStringCellValue());
                types.add(c.getCellType());
              });
      assertThat(cells)
          .contains("'=HYPERLINK(\"http://evil.example\",\"点我\")", "'@SUM(A1)", "'+8613800000000");
      assertThat(cells).noneMatch(c -> c.startsWith("=") || c.startsWith("@") || c.startsWith("+"));
      assertThat(types).containsOnly(org.apache.poi.ss.usermodel.CellType.STRING);
    }
    given()
        .contentType(XLSX)
        .body(file)
        .post("/api/v1/members/import")
        .then()
        .statusCode(200)
        .body("imported", equalTo(1));
    given()
        .queryParam("buildingId", building.toString())
        .get("/api/v1/members")
        .then()
        .body("total", equalTo(2))
        .body(
            "items.workUnit",
            org.hamcrest.Matchers.everyItem(equalTo("=HYPERLINK(\"http://evil.example\",\"点我\")")))
        .body("items.position", org.hamcrest.Matchers.everyItem(equalTo("@SUM(A1)")))
        .body("items.phone", org.hamcrest.Matchers.everyItem(equalTo("+8613800000000")));
  }

  @Test
  void anEmptySheetIsRefused() {
    given()
        .contentType("text/csv")
        .body("name,gender,birthDate,standing,category,buildingId,unit,room\n")
        .post("/api/v1/members/import")
        .then()
        .statusCode(422);
    given()
        .contentType(ContentType.TEXT)
        .body("x")
        .post("/api/v1/members/import")
        .then()
        .statusCode(415);
  }
}
