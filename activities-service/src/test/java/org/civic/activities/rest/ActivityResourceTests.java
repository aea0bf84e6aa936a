package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class ActivityResourceTests {

  static String schedule(UUID branch, String type, String startsAt) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"branchId":"%s","type":"%s","title":"学习党章","startsAt":"%s","place":"党员之家",
             "lecturer":"王书记"}
            """
                .formatted(branch, type, startsAt))
        .post("/api/v1/activities")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void schedulingSnapshotsTheRosterAndAttendanceMarksItHeldAndPublishesActivityHeld() {
    TestEvents.World w = TestEvents.world(3);
    String id = schedule(w.branch(), "PARTY_LESSON", "2026-02-10T09:00:00+08:00");
    given()
        .get("/api/v1/activities/" + id + "/attendance")
        .then()
        .statusCode(200)
        .body("expected", equalTo(3))
        .body("notRecorded", equalTo(3))
        .body(
            "attendees.memberId",
            containsInAnyOrder(
                w.member(0).toString(), w.member(1).toString(), w.member(2).toString()));

    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"version":0,"entries":[
              {"memberId":"%s","attendance":"PRESENT"},
              {"memberId":"%s","attendance":"ON_LEAVE","reason":"住院"},
              {"memberId":"%s","attendance":"ABSENT"}]}
            """
                .formatted(w.member(0), w.member(1), w.member(2)))
        .put("/api/v1/activities/" + id + "/attendance")
        .then()
        .statusCode(200)
        .body("present", equalTo(1))
        .body("onLeave", equalTo(1))
        .body("absent", equalTo(1))
        .body("version", equalTo(1));
    given().get("/api/v1/activities/" + id).then().body("status", equalTo("HELD"));

    List<ConsumerRecord<String, String>> events =
        new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers())
            .awaitRecords("activities.events", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo("ActivityHeld");
    assertThat(events.get(0).value().replace(" ", ""))
        .contains("\"present\":1")
        .contains("\"expected\":3");
  }

  @Test
  void leaveWithoutReasonOrANonAttendeeIsA422AndRecordsNothing() {
    TestEvents.World w = TestEvents.world(1);
    String id = schedule(w.branch(), "COMMITTEE_MEETING", "2026-02-10T09:00:00+08:00");
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"version\":0,\"entries\":[{\"memberId\":\"%s\",\"attendance\":\"ON_LEAVE\"}]}"
                .formatted(w.member(0)))
        .put("/api/v1/activities/" + id + "/attendance")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("reason"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"version\":0,\"entries\":[{\"memberId\":\"%s\",\"attendance\":\"PRESENT\"}]}"
                .formatted(UUID.randomUUID()))
        .put("/api/v1/activities/" + id + "/attendance")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("entries[0].memberId"));
    given()
        .get("/api/v1/activities/" + id + "/attendance")
        .then()
        .body("notRecorded", equalTo(1))
        .body("attendees[0].attendance", nullValue());
    given().get("/api/v1/activities/" + id).then().body("status", equalTo("SCHEDULED"));
  }

  @Test
  void attendanceForAMeetingNotYetStartedIsA422() {
    TestEvents.World w = TestEvents.world(1);
    String id = schedule(w.branch(), "THEME_DAY", "2099-01-01T09:00:00+08:00");
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"version\":0,\"entries\":[{\"memberId\":\"%s\",\"attendance\":\"PRESENT\"}]}"
                .formatted(w.member(0)))
        .put("/api/v1/activities/" + id + "/attendance")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("startsAt"));
  }

  @Test
  void aStaleVersionIsRefusedAndTheUpdateIsNotApplied() {
    TestEvents.World w = TestEvents.world(1);
    String id = schedule(w.branch(), "STUDY", "2026-02-10T09:00:00+08:00");
    String update =
        """
        {"title":"%s","startsAt":"2026-02-10T09:00:00+08:00","summary":"纪要","version":%d}
        """;
    given()
        .contentType(ContentType.JSON)
        .body(update.formatted("新标题", 0))
        .put("/api/v1/activities/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("summary", equalTo("纪要"));
    given()
        .contentType(ContentType.JSON)
        .body(update.formatted("旧版本的标题", 0))
        .put("/api/v1/activities/" + id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given().get("/api/v1/activities/" + id).then().body("title", equalTo("新标题"));
  }

  @Test
  void badInputAndUnknownBranchesAreProblems() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"branchId\":\"%s\",\"type\":\"PARTY\",\"title\":\"x\",\"startsAt\":\"2026-02-10T09:00:00+08:00\"}"
                .formatted(UUID.randomUUID()))
        .post("/api/v1/activities")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("type"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\":\"STUDY\",\"title\":\" \"}")
        .post("/api/v1/activities")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("branchId"))
        .body("errors.field", hasItem("title"))
        .body("errors.field", hasItem("startsAt"));
    UUID unknown = UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"branchId\":\"%s\",\"type\":\"STUDY\",\"title\":\"x\",\"startsAt\":\"2026-02-10T09:00:00+08:00\"}"
                .formatted(unknown))
        .post("/api/v1/activities")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("branchId"));
    given()
        .queryParam("branchId", unknown.toString())
        .get("/api/v1/activities")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    given().queryParam("branchId", "nope").get("/api/v1/activities").then().statusCode(400);
    given().get("/api/v1/activities/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void meetingComplianceCountsHeldMeetingsPerPeriodAndListsTheMissingOnes() {
    TestEvents.World w = TestEvents.world(1);
    String attendance =
        "{\"version\":0,\"entries\":[{\"memberId\":\"%s\",\"attendance\":\"PRESENT\"}]}"
            .formatted(w.member(0));
    for (String[] m :
        new String[][] {
          {"COMMITTEE_MEETING", "2026-01-05T19:00:00+08:00"},
          {"COMMITTEE_MEETING", "2026-02-05T19:00:00+08:00"},
          {"PARTY_LESSON", "2026-03-31T23:30:00+08:00"},
          {"BRANCH_MEMBERS_MEETING", "2026-02-20T09:00:00+08:00"}
        }) {
      String id = schedule(w.branch(), m[0], m[1]);
      given()
          .contentType(ContentType.JSON)
          .body(attendance)
          .put("/api/v1/activities/" + id + "/attendance")
          .then()
          .statusCode(200);
    }
    // scheduled but never held: does not count
    schedule(w.branch(), "COMMITTEE_MEETING", "2026-03-05T19:00:00+08:00");

    var r =
        given()
            .queryParam("from", "2026-01-01")
            .queryParam("to", "2026-03-31")
            .get("/api/v1/branches/" + w.branch() + "/meeting-compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(r.getInt("types.find { it.type == 'COMMITTEE_MEETING' }.required")).isEqualTo(3);
    assertThat(r.getInt("types.find { it.type == 'COMMITTEE_MEETING' }.fulfilled")).isEqualTo(2);
    assertThat(r.getList("types.find { it.type == 'COMMITTEE_MEETING' }.missing"))
        .containsExactly("2026-03");
    assertThat(r.getList("types.find { it.type == 'PARTY_LESSON' }.missing")).isEmpty();
    assertThat(r.getList("types.find { it.type == 'BRANCH_MEMBERS_MEETING' }.missing")).isEmpty();
    assertThat(r.getList("types.find { it.type == 'THEME_DAY' }.missing"))
        .containsExactly("2026-01", "2026-02", "2026-03");

    given()
        .queryParam("from", "2026-03-01")
        .queryParam("to", "2026-01-01")
        .get("/api/v1/branches/" + w.branch() + "/meeting-compliance")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
    given()
        .queryParam("from", "2026-01-01")
        .get("/api/v1/branches/" + w.branch() + "/meeting-compliance")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
  }
}
