package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class VolunteerTeamResourceTests {

  static String team(UUID branch, String name, String kind) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"branchId\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\"}".formatted(branch, name, kind))
        .post("/api/v1/volunteer-teams")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void join(String team, UUID member) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"memberId\":\"%s\"}".formatted(member))
        .post("/api/v1/volunteer-teams/" + team + "/members")
        .then()
        .statusCode(201);
  }

  static io.restassured.response.ValidatableResponse serve(
      String team, UUID member, String hours, LocalDate on) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            "{\"memberId\":\"%s\",\"servedOn\":\"%s\",\"hours\":%s,\"description\":\"测血压\"}"
                .formatted(member, on, hours))
        .post("/api/v1/volunteer-teams/" + team + "/service-records")
        .then();
  }

  @Test
  void candidatesAreSuggestedBySpecialtyTagsFromTheRoster() {
    TestEvents.World w = TestEvents.world(1, "medical", "calligraphy");
    UUID other = UUID.randomUUID();
    TestEvents.memberRegistered(
        other, "张医生", w.community(), w.building(), UUID.randomUUID(), "nursing");
    TestEvents.rosterChanged(
        other,
        w.branch(),
        "JOINED",
        "REGISTERED",
        "张医生",
        UUID.randomUUID(),
        w.building(),
        w.community(),
        TestEvents.nextVersion());
    UUID notTagged = UUID.randomUUID();
    TestEvents.memberRegistered(
        notTagged, "赵", w.community(), w.building(), UUID.randomUUID(), "chess");
    TestEvents.rosterChanged(
        notTagged,
        w.branch(),
        "JOINED",
        "REGISTERED",
        "赵",
        UUID.randomUUID(),
        w.building(),
        w.community(),
        TestEvents.nextVersion());
    String team = team(w.branch(), "医疗保健队", "MEDICAL");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/volunteer-teams/" + team + "/candidates")
                    .then()
                    .statusCode(200)
                    .body("name", hasSize(2)));
    given()
        .queryParam("tags", "calligraphy")
        .get("/api/v1/volunteer-teams/" + team + "/candidates")
        .then()
        .body("memberId", contains(w.member(0).toString()))
        .body("[0].matchedTags", contains("calligraphy"));

    join(team, w.member(0));
    given()
        .get("/api/v1/volunteer-teams/" + team + "/candidates")
        .then()
        .body("name", contains("张医生"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"memberId\":\"%s\"}".formatted(w.member(0)))
        .post("/api/v1/volunteer-teams/" + team + "/members")
        .then()
        .statusCode(409);
  }

  @Test
  void serviceHoursAreTotalledPerMemberTeamAndBranch() {
    TestEvents.World w = TestEvents.world(2);
    String medical = team(w.branch(), "医疗队", "MEDICAL");
    String patrol = team(w.branch(), "巡逻队", "PATROL");
    join(medical, w.member(0));
    join(patrol, w.member(0));
    join(patrol, w.member(1));
    LocalDate day = LocalDate.of(2026, 3, 10);
    serve(medical, w.member(0), "2.5", day).statusCode(201);
    serve(patrol, w.member(0), "1", day).statusCode(201);
    serve(patrol, w.member(1), "3", day.plusDays(1)).statusCode(201);
    serve(patrol, w.member(1), "4", day.minusYears(1)).statusCode(201); // outside the period

    given()
        .queryParam("from", "2026-03-01")
        .queryParam("to", "2026-03-31")
        .get("/api/v1/branches/" + w.branch() + "/volunteer-hours")
        .then()
        .statusCode(200)
        .body("total", equalTo(6.5f))
        .body("perTeam.find { it.name == '巡逻队' }.hours", equalTo(4.0f))
        .body("perTeam.find { it.name == '医疗队' }.hours", equalTo(2.5f))
        .body("perMember.find { it.id == '%s' }.hours".formatted(w.member(0)), equalTo(3.5f))
        .body("perMember.find { it.id == '%s' }.records".formatted(w.member(0)), equalTo(2));
  }

  @Test
  void hoursOutOfRangeOrANonMemberAreRefusedAndRecordNothing() {
    TestEvents.World w = TestEvents.world(1);
    String team = team(w.branch(), "环境卫生队", "SANITATION");
    join(team, w.member(0));
    LocalDate day = LocalDate.of(2026, 3, 10);
    serve(team, w.member(0), "0", day).statusCode(400).body("errors[0].field", equalTo("hours"));
    serve(team, w.member(0), "24.5", day).statusCode(400).body("errors[0].field", equalTo("hours"));
    serve(team, w.member(0), "\"lots\"", day).statusCode(400);
    serve(team, UUID.randomUUID(), "2", day)
        .statusCode(422)
        .body("errors[0].field", equalTo("memberId"));
    serve(team, w.member(0), "2", LocalDate.now().plusDays(3)).statusCode(422);
    given()
        .get("/api/v1/volunteer-teams/" + team + "/service-records")
        .then()
        .body("total", equalTo(0));
    given()
        .contentType(ContentType.JSON)
        .body("{\"branchId\":\"%s\",\"name\":\"x\",\"kind\":\"COOKING\"}".formatted(w.branch()))
        .post("/api/v1/volunteer-teams")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
  }

  @Test
  void renamingATeamNeedsTheCurrentVersion() {
    TestEvents.World w = TestEvents.world(1);
    String team = team(w.branch(), "宣传队", "PUBLICITY");
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"宣传小分队\"}")
        .put("/api/v1/volunteer-teams/" + team)
        .then()
        .statusCode(428);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "W/\"5\"")
        .body("{\"name\":\"宣传小分队\"}")
        .put("/api/v1/volunteer-teams/" + team)
        .then()
        .statusCode(412);
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"宣传小分队\",\"version\":0}")
        .put("/api/v1/volunteer-teams/" + team)
        .then()
        .statusCode(200)
        .body("name", equalTo("宣传小分队"));
    given()
        .queryParam("branchId", w.branch().toString())
        .queryParam("kind", "PUBLICITY")
        .get("/api/v1/volunteer-teams")
        .then()
        .body("total", equalTo(1));
  }
}
