package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.activities.domain.VisitRules;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class VisitResourceTests {

  static String body(UUID household, UUID branch, UUID visitor, Object visitedAt, String kind) {
    return """
        {"householdId":"%s","branchId":%s,"visitorMemberId":"%s","visitedAt":"%s","kind":"%s",
         "notes":"老人身体尚可","followUpNeeded":true}
        """
        .formatted(
            household, branch == null ? "null" : "\"" + branch + "\"", visitor, visitedAt, kind);
  }

  static long visits(UUID branch) {
    return given()
        .queryParam("branchId", branch.toString())
        .get("/api/v1/visits")
        .then()
        .statusCode(200)
        .extract()
        .<Integer>path("total");
  }

  @Test
  void recordingAVisitStoresItPublishesVisitRecordedAndCountsInThePlan() {
    TestEvents.World w = TestEvents.world(1);
    Instant at = Instant.now().minusSeconds(5);
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(body(w.household(), null, w.member(0), at, "ILLNESS"))
            .when()
            .post("/api/v1/visits")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/visits/"))
            .header("ETag", notNullValue())
            .body("branchId", equalTo(w.branch().toString()))
            .body("communityId", equalTo(w.community().toString()))
            .body("kind", equalTo("ILLNESS"))
            .extract()
            .path("id");

    given()
        .get("/api/v1/visits/" + id)
        .then()
        .statusCode(200)
        .body("followUpNeeded", equalTo(true));
    given()
        .queryParam("month", VisitRules.monthOf(at).toString())
        .get("/api/v1/branches/" + w.branch() + "/visit-compliance")
        .then()
        .statusCode(200)
        .body("due", equalTo(1))
        .body("visited", equalTo(1))
        .body("rate", equalTo(1.0f));

    List<ConsumerRecord<String, String>> events =
        new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers())
            .awaitRecords("activities.events", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo("VisitRecorded");
    assertThat(events.get(0).value())
        .contains(w.household().toString())
        // The kind (illness, hardship) and the notes describe a household's health or hardship.
        .doesNotContain("ILLNESS")
        .doesNotContain("老人身体尚可");
  }

  @Test
  void aFutureVisitIsA422AndChangesNothing() {
    TestEvents.World w = TestEvents.world(1);
    given()
        .contentType(ContentType.JSON)
        .body(
            body(
                w.household(), w.branch(), w.member(0), Instant.now().plusSeconds(3600), "ROUTINE"))
        .post("/api/v1/visits")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("visitedAt"));
    assertThat(visits(w.branch())).isZero();
  }

  @Test
  void aHouseholdWithoutResponsibleBranchOrAnotherBranchIsA422() {
    TestEvents.World w = TestEvents.world(1);
    given()
        .contentType(ContentType.JSON)
        .body(body(UUID.randomUUID(), w.branch(), w.member(0), Instant.now(), "ROUTINE"))
        .post("/api/v1/visits")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("householdId"));
    given()
        .contentType(ContentType.JSON)
        .body(body(w.household(), UUID.randomUUID(), w.member(0), Instant.now(), "ROUTINE"))
        .post("/api/v1/visits")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("branchId"));
    given()
        .contentType(ContentType.JSON)
        .body(body(w.household(), w.branch(), UUID.randomUUID(), Instant.now(), "ROUTINE"))
        .post("/api/v1/visits")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("visitorMemberId"));
    assertThat(visits(w.branch())).isZero();
  }

  @Test
  void badInputIsA400ProblemNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"kind\":\"ROUTINE\"}")
        .post("/api/v1/visits")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("householdId"))
        .body("errors.field", hasItem("visitedAt"));
    given()
        .contentType(ContentType.JSON)
        .body(body(UUID.randomUUID(), null, UUID.randomUUID(), Instant.now(), "PARTY"))
        .post("/api/v1/visits")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    given()
        .contentType(ContentType.JSON)
        .body(body(UUID.randomUUID(), null, UUID.randomUUID(), "yesterday", "ROUTINE"))
        .post("/api/v1/visits")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("visitedAt"));
    given()
        .queryParam("month", "2026-13")
        .get("/api/v1/branches/" + UUID.randomUUID() + "/visit-plan")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("month"));
    given()
        .queryParam("kind", "NOPE")
        .get("/api/v1/visits")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    given()
        .get("/api/v1/branches/" + UUID.randomUUID() + "/visit-plan")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void resolvingAFollowUpNeedsTheCurrentVersion() {
    TestEvents.World w = TestEvents.world(1);
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(body(w.household(), w.branch(), w.member(0), Instant.now(), "HARDSHIP"))
            .post("/api/v1/visits")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .body("{\"resolved\":true,\"note\":\"已联系社区救助\"}")
        .put("/api/v1/visits/" + id + "/follow-up")
        .then()
        .statusCode(428);
    given()
        .contentType(ContentType.JSON)
        .body("{\"resolved\":true,\"note\":\"已联系社区救助\",\"version\":7}")
        .put("/api/v1/visits/" + id + "/follow-up")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body("{\"resolved\":true,\"version\":0}")
        .put("/api/v1/visits/" + id + "/follow-up")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("note"));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "W/\"0\"")
        .body("{\"resolved\":true,\"note\":\"已联系社区救助\"}")
        .put("/api/v1/visits/" + id + "/follow-up")
        .then()
        .statusCode(200)
        .body("followUpResolved", equalTo(true))
        .body("version", equalTo(1));
    given()
        .queryParam("branchId", w.branch().toString())
        .queryParam("followUpOpen", true)
        .get("/api/v1/visits")
        .then()
        .body("total", equalTo(0));
  }
}
