package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civic.activities.service.LedgerService;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;
import org.junit.jupiter.api.Test;

/**
 * What each caller's lists, reports and exports contain (the access matrix checks the statuses),
 * and the audit log. World: {@link SecurityWorld}.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class ScopingAndAuditTests {

  /** Everything a caller's list returns, in one page of 200. */
  static JsonPath list(String token, String path) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("size", 200)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static void assertCompletePage(JsonPath page) {
    assertThat(page.getLong("total"))
        .as("the total counts only the visible rows")
        .isEqualTo(page.getList("items").size());
  }

  @Test
  void aBranchSecretarysListsNeverHoldAnotherBranchsRecords() {
    SecurityWorld w = SecurityWorld.get();
    String b1Secretary = TestTokens.of("BRANCH_SECRETARY", w.b1);
    for (String path :
        List.of(
            "/api/v1/activities",
            "/api/v1/visits",
            "/api/v1/concerns",
            "/api/v1/volunteer-teams")) {
      JsonPath page = list(b1Secretary, path);
      assertThat(page.getList("items.branchId", String.class))
          .as(path)
          .isNotEmpty()
          .containsOnly(w.b1.toString());
      assertCompletePage(page);
    }
    assertThat(list(b1Secretary, "/api/v1/activities").getList("items.id", String.class))
        .contains(w.a1)
        .doesNotContain(w.a2, w.a3);
    assertThat(list(b1Secretary, "/api/v1/visits").getList("items.householdId", String.class))
        .doesNotContain(w.h2.toString(), w.h3.toString());
    // Asking for another branch by name finds nothing.
    assertThat(list(b1Secretary, "/api/v1/concerns?branchId=" + w.b2).getLong("total")).isZero();
    // Team members and the roster: only B1's members.
    assertThat(
            given()
                .auth()
                .oauth2(b1Secretary)
                .get("/api/v1/branches/" + w.b1 + "/roster")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("memberId", String.class))
        .contains(w.m1.toString(), w.m1b.toString())
        .doesNotContain(w.m2.toString());
  }

  @Test
  void aCommunitySecretarySeesEveryBranchOfTheirCommunityAndNothingOfAnother() {
    SecurityWorld w = SecurityWorld.get();
    String c1Secretary = TestTokens.of("COMMUNITY_SECRETARY", w.c1);
    for (String path :
        List.of(
            "/api/v1/activities",
            "/api/v1/visits",
            "/api/v1/concerns",
            "/api/v1/volunteer-teams")) {
      JsonPath page = list(c1Secretary, path);
      assertThat(page.getList("items.communityId", String.class))
          .as(path)
          .isNotEmpty()
          .containsOnly(w.c1.toString());
      assertThat(page.getList("items.branchId", String.class))
          .as(path)
          .contains(w.b1.toString(), w.b2.toString());
      assertCompletePage(page);
    }
    assertThat(list(c1Secretary, "/api/v1/concerns").getList("items.id", String.class))
        .contains(w.k1, w.k2)
        .doesNotContain(w.k3);
    // The other street's administrator sees C2 only.
    JsonPath s2 = list(w.otherStreetAdmin(), "/api/v1/concerns");
    assertThat(s2.getList("items.communityId", String.class)).containsOnly(w.c2.toString());
    assertThat(s2.getList("items.id", String.class)).contains(w.k3);
  }

  @Test
  void aMemberSeesTheActivitiesTheyAttendTheVisitsToTheirHouseholdAndTheirOwnHours() {
    SecurityWorld w = SecurityWorld.get();
    String m1 = TestTokens.member(w.m1);
    JsonPath activities = list(m1, "/api/v1/activities");
    assertThat(activities.getList("items.id", String.class)).contains(w.a1).doesNotContain(w.a2);
    assertThat(activities.getList("items.branchId", String.class)).containsOnly(w.b1.toString());
    assertCompletePage(activities);
    JsonPath visits = list(m1, "/api/v1/visits");
    assertThat(visits.getList("items.householdId", String.class)).containsOnly(w.h1.toString());
    assertCompletePage(visits);

    JsonPath records = list(m1, "/api/v1/volunteer-teams/" + w.t1 + "/service-records");
    assertThat(records.getList("items.memberId", String.class)).containsOnly(w.m1.toString());
    assertCompletePage(records);
    JsonPath hours =
        given()
            .auth()
            .oauth2(m1)
            .queryParam("from", w.from)
            .queryParam("to", w.to)
            .get("/api/v1/branches/" + w.b1 + "/volunteer-hours")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(hours.getList("perMember.id", String.class)).containsOnly(w.m1.toString());
    assertThat(hours.getDouble("total")).isEqualTo(hours.getDouble("perMember[0].hours"));

    // M1b's household is not M1's: not found, as if it did not exist.
    String visitToH1b = SecurityWorld.visit(w.streetAdmin(), w.h1b, w.b1, w.m1b);
    given().auth().oauth2(m1).get("/api/v1/visits/" + visitToH1b).then().statusCode(404);
  }

  @Test
  void aCitySystemSeesCountsAndTotalsWithoutHouseholdsOrNames() {
    SecurityWorld w = SecurityWorld.get();
    String city = TestTokens.of("CITY_SYSTEM", Tokens.DEMO_STREET);
    given()
        .auth()
        .oauth2(city)
        .get("/api/v1/branches/" + w.b1 + "/visit-compliance")
        .then()
        .statusCode(200)
        .body("due", equalTo(2))
        .body("overdue", nullValue());
    // Staff see the same counts and the overdue households.
    JsonPath staff =
        given()
            .get("/api/v1/branches/" + w.b1 + "/visit-compliance")
            .then()
            .statusCode(200)
            .body("due", equalTo(2))
            .extract()
            .jsonPath();
    assertThat(staff.getList("overdue")).hasSize(staff.getInt("overdueCount"));
    given()
        .auth()
        .oauth2(city)
        .queryParam("from", w.from)
        .queryParam("to", w.to)
        .get("/api/v1/branches/" + w.b1 + "/volunteer-hours")
        .then()
        .statusCode(200)
        .body("perMember", nullValue())
        .body("perTeam[0].name", equalTo(w.t1Name));
  }

  @Test
  void theLedgerOfABranchIsScopedNeutralisesFormulasAndIsAudited() throws Exception {
    SecurityWorld w = SecurityWorld.get();
    String b1Secretary = TestTokens.of("BRANCH_SECRETARY", w.b1);
    SecurityWorld.concern(w.streetAdmin(), w.b1, "=HYPERLINK(\\\"http://evil\\\",\\\"点我\\\")");
    SecurityWorld.concern(w.streetAdmin(), w.b1, "+1 楼下漏水");
    byte[] bytes =
        given()
            .auth()
            .oauth2(b1Secretary)
            .queryParam("from", w.from)
            .queryParam("to", w.to)
            .get("/api/v1/branches/" + w.b1 + "/ledger")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet concerns = wb.getSheet(LedgerService.SHEET_CONCERNS);
      List<String> titles =
          java.util.stream.StreamSupport.stream(concerns.spliterator(), false)
              .skip(1)
              .map((Row r) -> r.getCell(2))
              .peek(c -> assertThat(c.getCellType()).isEqualTo(CellType.STRING))
              .map(c -> c.getStringCellValue())
              .toList();
      assertThat(titles)
          .contains("楼道灯坏了", "'=HYPERLINK(\"http://evil\",\"点我\")", "'+1 楼下漏水")
          .doesNotContain("乙楼的事", "丙楼的事");
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          row.forEach(
              cell ->
                  assertThat(cell.getCellType()).as("no formulas").isNotEqualTo(CellType.FORMULA));
        }
      }
      List<String> attendees =
          LedgerResourceTests.rows(wb.getSheet(LedgerService.SHEET_ATTENDANCE)).stream()
              .skip(1)
              .map(r -> r.get(3))
              .toList();
      assertThat(attendees).contains("甲一", "甲二").doesNotContain("乙一");
    }

    JsonPath audit =
        given()
            .queryParam("resourceType", "Ledger")
            .queryParam("recordId", w.b1)
            .get("/api/v1/audit-entries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> entry = audit.getMap("items[0]");
    assertThat(entry)
        .containsEntry("action", "EXPORT")
        .containsEntry("role", "BRANCH_SECRETARY")
        .containsEntry("actor", "branch_secretary-test")
        .containsEntry("orgUnit", w.b1.toString());
    assertThat(audit.getList("items[0].recordIds", String.class))
        .contains(w.b1.toString(), w.m1.toString(), w.m1b.toString())
        .doesNotContain(w.m2.toString());
  }

  @Test
  void readingConcernsVisitsAndAttendanceIsAuditedAndOnlyAStreetAdminReadsTheLog() {
    SecurityWorld w = SecurityWorld.get();
    String c1Secretary = TestTokens.of("COMMUNITY_SECRETARY", w.c1);
    given().auth().oauth2(c1Secretary).get("/api/v1/concerns/" + w.k1).then().statusCode(200);
    given()
        .auth()
        .oauth2(TestTokens.member(w.m1))
        .get("/api/v1/visits/" + w.v1)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(c1Secretary)
        .get("/api/v1/activities/" + w.a1 + "/attendance")
        .then()
        .statusCode(200);

    JsonPath concern = audit("Concern", w.k1);
    assertThat(concern.getString("items[0].action")).isEqualTo("READ");
    assertThat(concern.getString("items[0].role")).isEqualTo("COMMUNITY_SECRETARY");
    assertThat(concern.getString("items[0].actor")).isEqualTo("community_secretary-test");
    assertThat(concern.getList("items[0].recordIds", String.class)).containsExactly(w.k1);
    assertThat(concern.getString("items[0].at")).isNotBlank();

    JsonPath visit = audit("Visit", w.v1);
    assertThat(visit.getString("items[0].role")).isEqualTo("MEMBER");
    assertThat(visit.getString("items[0].actor")).isEqualTo("member-" + w.m1);

    JsonPath attendance = audit("Attendance", w.m1b);
    assertThat(attendance.getString("items[0].role")).isEqualTo("COMMUNITY_SECRETARY");

    // A list read records every record it returned.
    given()
        .auth()
        .oauth2(c1Secretary)
        .get("/api/v1/concerns?branchId=" + w.b2)
        .then()
        .statusCode(200);
    assertThat(audit("Concern", w.k2).getString("items[0].detail")).isEqualTo("concern list");

    given()
        .auth()
        .oauth2(c1Secretary)
        .get("/api/v1/audit-entries")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().auth().none().get("/api/v1/audit-entries").then().statusCode(401);
  }

  private static JsonPath audit(String resourceType, Object recordId) {
    return given()
        .queryParam("resourceType", resourceType)
        .queryParam("recordId", recordId.toString())
        .get("/api/v1/audit-entries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aBuildingWithoutOrgPathPutsItsCommunityUnderNoStreet() {
    UUID community = UUID.randomUUID();
    UUID building = UUID.randomUUID();
    TestEvents.send(
        "branches.events",
        building.toString(),
        "BuildingRegistered",
        "Building",
        TestEvents.nextVersion(),
        """
        {"buildingId":"%s","communityId":"%s","name":"旧楼","units":2,"address":"金贡里"}
        """
            .formatted(building, community));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.of("COMMUNITY_SECRETARY", community))
                    .get("/api/v1/reference/buildings/" + building)
                    .then()
                    .statusCode(200)
                    .body("communityId", equalTo(community.toString())));
    // Known, but in no street the demo street's administrator holds.
    given().get("/api/v1/reference/buildings/" + building).then().statusCode(403);
  }

  @Test
  void eventsCarryNoNotesNamesOrDescriptions() {
    SecurityWorld w = SecurityWorld.get();
    String visit = SecurityWorld.visit(w.streetAdmin(), w.h1, w.b1, w.m1);
    String concern = SecurityWorld.concern(w.streetAdmin(), w.b1, "楼道堆物");
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body("{\"escalatedTo\":\"STREET\",\"note\":\"独居老人无人照看\"}")
        .post("/api/v1/concerns/" + concern + "/escalation")
        .then()
        .statusCode(200);
    KafkaTestClient kafka = new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers());
    List<ConsumerRecord<String, String>> events =
        kafka.awaitRecords(
            "activities.events",
            r -> visit.equals(r.key()) || concern.equals(r.key()),
            2,
            Duration.ofSeconds(30));
    for (ConsumerRecord<String, String> e : events) {
      assertThat(e.value())
          .doesNotContain("住院", "需要照顾", "独居老人", "甲一", "notes", "description", "note");
    }
    assertThat(UUID.fromString(events.get(0).key())).isNotNull();
  }
}
