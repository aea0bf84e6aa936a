package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class LedgerResourceTests {

  static List<List<String>> rows(Sheet sheet) {
    DataFormatter f = new DataFormatter();
    List<List<String>> rows = new ArrayList<>();
    for (Row r : sheet) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.getLastCellNum(); i++) {
        cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void theLedgerIsAWorkbookWithASheetPerRecordKind() throws Exception {
    TestEvents.World w = TestEvents.world(2);
    String activity =
        given()
            .contentType(ContentType.JSON)
            .body(
                """
                {"branchId":"%s","type":"PARTY_LESSON","title":"党课：初心使命",
                 "startsAt":"2026-03-05T09:00:00+08:00","lecturer":"王书记"}
                """
                    .formatted(w.branch()))
            .post("/api/v1/activities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"version":0,"entries":[{"memberId":"%s","attendance":"PRESENT"},
             {"memberId":"%s","attendance":"ON_LEAVE","reason":"外出探亲"}]}
            """
                .formatted(w.member(0), w.member(1)))
        .put("/api/v1/activities/" + activity + "/attendance")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"householdId":"%s","visitorMemberId":"%s","visitedAt":"%s","kind":"FESTIVAL",
             "notes":"送月饼"}
            """
                .formatted(w.household(), w.member(0), "2026-03-06T10:00:00+08:00"))
        .post("/api/v1/visits")
        .then()
        .statusCode(201);
    String team =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"branchId\":\"%s\",\"name\":\"巡逻队\",\"kind\":\"PATROL\"}".formatted(w.branch()))
            .post("/api/v1/volunteer-teams")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .body("{\"memberId\":\"%s\"}".formatted(w.member(1)))
        .post("/api/v1/volunteer-teams/" + team + "/members")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"memberId\":\"%s\",\"servedOn\":\"2026-03-08\",\"hours\":2.5}"
                .formatted(w.member(1)))
        .post("/api/v1/volunteer-teams/" + team + "/service-records")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"branchId":"%s","category":"SUGGESTION","title":"增设休息座椅","raisedByName":"李阿姨",
             "raisedAt":"2026-03-09T10:00:00+08:00"}
            """
                .formatted(w.branch()))
        .post("/api/v1/concerns")
        .then()
        .statusCode(201);

    byte[] bytes =
        given()
            .queryParam("from", "2026-03-01")
            .queryParam("to", "2026-03-31")
            .get("/api/v1/branches/" + w.branch() + "/ledger")
            .then()
            .statusCode(200)
            .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .extract()
            .asByteArray();

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertThat(names).containsExactly("会议活动", "出勤记录", "走访记录", "志愿服务时长", "意见建议与困难问题");

      List<List<String>> meetings = rows(wb.getSheet("会议活动"));
      assertThat(meetings.get(0)).startsWith("日期时间", "类型", "主题");
      assertThat(meetings).hasSize(2);
      assertThat(meetings.get(1)).contains("2026-03-05 09:00", "党课", "党课：初心使命", "王书记", "已召开");
      assertThat(meetings.get(1).subList(8, 12)).containsExactly("2", "1", "1", "0");

      List<List<String>> attendance = rows(wb.getSheet("出勤记录"));
      assertThat(attendance).hasSize(3);
      assertThat(attendance).anySatisfy(r -> assertThat(r).contains("党员1", "请假", "外出探亲"));

      List<List<String>> visits = rows(wb.getSheet("走访记录"));
      assertThat(visits).hasSize(2);
      assertThat(visits.get(1)).contains("2026-03-06 10:00", "节日慰问", "送月饼", "党员0");

      List<List<String>> hours = rows(wb.getSheet("志愿服务时长"));
      assertThat(hours.get(1)).contains("2026-03-08", "巡逻队", "党员1", "2.5");
      assertThat(hours.get(hours.size() - 1)).contains("合计", "2.5");

      List<List<String>> concerns = rows(wb.getSheet("意见建议与困难问题"));
      assertThat(concerns.get(1)).contains("意见建议", "增设休息座椅", "李阿姨", "待处理");
    }
  }

  @Test
  void aMissingPeriodIsA400AndAnUnknownBranchA404() {
    given()
        .queryParam("from", "2026-03-01")
        .get("/api/v1/branches/" + UUID.randomUUID() + "/ledger")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("to"));
    given()
        .queryParam("from", "2026-03-01")
        .queryParam("to", LocalDate.of(2026, 3, 31).toString())
        .get("/api/v1/branches/" + UUID.randomUUID() + "/ledger")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
