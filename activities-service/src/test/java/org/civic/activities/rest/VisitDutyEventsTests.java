package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.activities.domain.VisitRules;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** The local view kept from members.events and branches.events, on the real broker. */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class VisitDutyEventsTests {

  static String month() {
    return VisitRules.monthOf(Instant.now()).toString();
  }

  static void awaitPlanListing(UUID branch, UUID household, boolean listed) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                given()
                    .queryParam("month", month())
                    .get("/api/v1/branches/" + branch + "/visit-plan")
                    .then()
                    .statusCode(200)
                    .body(
                        "households.householdId",
                        listed
                            ? hasItem(household.toString())
                            : not(hasItem(household.toString()))));
  }

  @Test
  void rosterEventsPutAHouseholdOnTheBranchsVisitPlan() {
    TestEvents.World w = TestEvents.world(2);

    given()
        .queryParam("month", month())
        .get("/api/v1/branches/" + w.branch() + "/visit-plan")
        .then()
        .statusCode(200)
        .body("due", equalTo(1))
        .body("visited", equalTo(0))
        .body("households[0].householdId", equalTo(w.household().toString()))
        .body("households[0].visited", equalTo(false));
  }

  @Test
  void leftThenJoinedMovesTheHouseholdFromTheOldBranchsPlanToTheNewOne() {
    TestEvents.World w = TestEvents.world(2);
    UUID newBuilding = UUID.randomUUID();
    UUID branchB = UUID.randomUUID();
    UUID newHousehold = w.household(); // the household moves as a whole
    TestEvents.buildingRegistered(newBuilding, w.community(), "7号楼");
    TestEvents.branchEstablished(branchB, w.community(), "7号楼党支部", newBuilding);

    // Branch A visits the household before the move.
    String visitBody =
        """
        {"householdId":"%s","branchId":"%s","visitorMemberId":"%s","visitedAt":"%s","kind":"ROUTINE"}
        """;
    given()
        .contentType(ContentType.JSON)
        .body(visitBody.formatted(w.household(), w.branch(), w.member(0), Instant.now()))
        .post("/api/v1/visits")
        .then()
        .statusCode(201);
    given()
        .queryParam("month", month())
        .get("/api/v1/branches/" + w.branch() + "/visit-plan")
        .then()
        .body("visited", equalTo(1));

    // members-service relocated both; branches-service moved them: LEFT A, JOINED B.
    for (int i = 0; i < 2; i++) {
      UUID m = w.member(i);
      TestEvents.send(
          "members.events",
          m.toString(),
          "MemberRelocated",
          "Member",
          TestEvents.nextVersion(),
          TestEvents.memberSnapshot(m, "党员" + i, w.community(), newBuilding, newHousehold)
                  .replaceFirst("\\}\\s*$", "")
              + """
              ,"from":{"buildingId":"%s","unit":"2","room":"301","householdId":"%s"},
               "to":{"buildingId":"%s","unit":"1","room":"502","householdId":"%s"},
               "effectiveAt":"%s"}
              """
                  .formatted(
                      w.building(), w.household(), newBuilding, newHousehold, Instant.now()));
      TestEvents.rosterChanged(
          m,
          w.branch(),
          "LEFT",
          "RELOCATED",
          "党员" + i,
          newHousehold,
          newBuilding,
          w.community(),
          TestEvents.nextVersion());
      TestEvents.rosterChanged(
          m,
          branchB,
          "JOINED",
          "RELOCATED",
          "党员" + i,
          newHousehold,
          newBuilding,
          w.community(),
          TestEvents.nextVersion());
    }
    TestEvents.awaitOnRoster(branchB, w.member(0), w.member(1));

    awaitPlanListing(branchB, newHousehold, true);
    awaitPlanListing(w.branch(), w.household(), false);
    given()
        .queryParam("month", month())
        .get("/api/v1/branches/" + branchB + "/visit-plan")
        .then()
        .body("households[0].visited", equalTo(false))
        .body("households[0].movedInDuringMonth", equalTo(true))
        .body("households[0].members.name", hasItem("党员0"));
    given()
        .queryParam("month", month())
        .get("/api/v1/branches/" + branchB + "/visit-compliance")
        .then()
        .body("due", equalTo(1))
        .body("rate", equalTo(0.0f))
        .body("overdue.householdId", hasItem(newHousehold.toString()));

    // The old branch's visit stays in its history.
    given()
        .queryParam("branchId", w.branch().toString())
        .get("/api/v1/visits")
        .then()
        .body("total", equalTo(1));

    // Branch A may no longer visit; branch B's visit after the move fulfils the duty.
    given()
        .contentType(ContentType.JSON)
        .body(visitBody.formatted(w.household(), w.branch(), w.member(0), Instant.now()))
        .post("/api/v1/visits")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("branchId"));
    given()
        .contentType(ContentType.JSON)
        .body(visitBody.formatted(w.household(), branchB, w.member(1), Instant.now()))
        .post("/api/v1/visits")
        .then()
        .statusCode(201);
    given()
        .queryParam("month", month())
        .get("/api/v1/branches/" + branchB + "/visit-compliance")
        .then()
        .body("rate", equalTo(1.0f))
        .body("overdue", empty());
  }

  @Test
  void aMoveToAnotherHouseholdInTheSameBranchMovesTheDutyToTheNewHousehold() {
    TestEvents.World w = TestEvents.world(1);
    UUID m = w.member(0);
    UUID newHousehold = UUID.randomUUID();
    // No RosterChanged follows: the member stays in the same building, hence the same branch.
    TestEvents.send(
        "members.events",
        m.toString(),
        "MemberRelocated",
        "Member",
        TestEvents.nextVersion(),
        TestEvents.memberSnapshot(m, "党员0", w.community(), w.building(), newHousehold));
    awaitPlanListing(w.branch(), newHousehold, true);
    awaitPlanListing(w.branch(), w.household(), false);
  }

  @Test
  void theOpenApiDocumentDescribesTheRulesWithTheirChineseTerms() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("例行走访"))
        .body(org.hamcrest.Matchers.containsString("支部党员大会"))
        .body(org.hamcrest.Matchers.containsString("duty moves"));
  }

  @Test
  void aStaleRosterEventIsIgnoredAndARepeatedEventChangesNothing() {
    TestEvents.World w = TestEvents.world(1);
    UUID m = w.member(0);
    UUID other = UUID.randomUUID();
    long newer = TestEvents.nextVersion();
    long older = newer - 1_000_000;
    UUID eventId = UUID.randomUUID();
    TestEvents.send(
        "branches.events",
        m.toString(),
        "RosterChanged",
        "RosterEntry",
        newer,
        """
        {"memberId":"%s","branchId":"%s","change":"LEFT","reason":"STATUS_CHANGED",
         "memberName":"党员0","householdId":"%s","communityId":"%s"}
        """
            .formatted(m, w.branch(), w.household(), w.community()),
        eventId);
    // stale: would put the member on another branch
    TestEvents.rosterChanged(
        m, other, "JOINED", "UPDATED", "党员0", w.household(), w.building(), w.community(), older);
    TestEvents.awaitOffRoster(w.branch(), m);
    // The same LEFT again (redelivery), then a marker event to know both were consumed.
    TestEvents.send(
        "branches.events",
        m.toString(),
        "RosterChanged",
        "RosterEntry",
        newer,
        """
        {"memberId":"%s","branchId":"%s","change":"JOINED","reason":"UPDATED","memberName":"x",
         "householdId":"%s","communityId":"%s"}
        """
            .formatted(m, w.branch(), w.household(), w.community()),
        eventId);
    UUID marker = UUID.randomUUID();
    TestEvents.rosterChanged(
        marker,
        w.branch(),
        "JOINED",
        "REGISTERED",
        "标记",
        UUID.randomUUID(),
        w.building(),
        w.community(),
        TestEvents.nextVersion());
    TestEvents.awaitOnRoster(w.branch(), marker);

    given()
        .get("/api/v1/branches/" + w.branch() + "/roster")
        .then()
        .body("memberId", not(hasItem(m.toString())));
    given().get("/api/v1/branches/" + other + "/roster").then().statusCode(404);
    awaitPlanListing(w.branch(), w.household(), false);
  }

  @Test
  void anUnreadableEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
    UUID bad = UUID.randomUUID();
    TestEvents.send(
        "members.events", bad.toString(), "MemberRegistered", "Member", 1, "{\"memberId\": 42");
    List<ConsumerRecord<String, String>> dead =
        new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers())
            .awaitRecords(
                "activities-service.dlq",
                r -> bad.toString().equals(r.key()),
                1,
                Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).isNotBlank();

    TestEvents.World w = TestEvents.world(1);
    awaitPlanListing(w.branch(), w.household(), true);
    assertThat(YearMonth.parse(month())).isNotNull();
  }
}
