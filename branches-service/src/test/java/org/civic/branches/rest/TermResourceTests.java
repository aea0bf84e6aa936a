package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.branches.Fixtures.awaitResidents;
import static org.civic.branches.Fixtures.branch;
import static org.civic.branches.Fixtures.building;
import static org.civic.branches.Fixtures.community;
import static org.civic.branches.Fixtures.fullMembers;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.branches.Fixtures;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class TermResourceTests {

  record Setup(UUID community, UUID branch, List<UUID> members) {}

  static Setup branchWith(int fullMembers) {
    UUID community = community();
    UUID building = building(community, "T楼");
    List<UUID> members = fullMembers(community, building, fullMembers);
    awaitResidents(building, fullMembers);
    return new Setup(community, branch(community, "BUILDING_BRANCH", "T楼党支部", building), members);
  }

  static String seat(UUID member, String role) {
    return "{\"memberId\": \"" + member + "\", \"role\": \"" + role + "\"}";
  }

  static String term(String start, String method, String... seats) {
    return """
        {"startDate": "%s", "electionMethod": "%s", "seats": [%s]}
        """
        .formatted(start, method, String.join(",", seats));
  }

  @Test
  void aSmallBranchElectsASecretaryAndTheTermLastsThreeYears() {
    Setup s = branchWith(4);
    String termId =
        given()
            .contentType(ContentType.JSON)
            .body(
                term(
                    "2026-01-01",
                    "NON_COMPETITIVE_ELECTION",
                    seat(s.members().get(0), "SECRETARY"),
                    seat(s.members().get(1), "DEPUTY_SECRETARY")))
            .post("/api/v1/branches/" + s.branch() + "/terms")
            .then()
            .statusCode(201)
            .body("number", equalTo(1))
            .body("endDate", equalTo("2028-12-31"))
            .body("current", equalTo(true))
            .body("seats", hasSize(2))
            .body("seats[0].memberName", containsString("党员"))
            .extract()
            .path("id");
    List<ConsumerRecord<String, String>> events =
        Fixtures.kafka()
            .awaitRecords(
                "branches.events",
                r ->
                    "CommitteeElected".equals(KafkaTestClient.header(r, "ce_type"))
                        && s.branch().toString().equals(r.key()),
                1,
                Duration.ofSeconds(30));
    assertThat(events.get(0).value()).contains(termId, "SECRETARY", s.members().get(0).toString());

    given()
        .contentType(ContentType.JSON)
        .body(term("2029-01-01", "COMPETITIVE_ELECTION", seat(s.members().get(2), "SECRETARY")))
        .post("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(201)
        .body("number", equalTo(2));
    given()
        .get("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(200)
        .body("number", equalTo(List.of(2, 1)))
        .body("current", equalTo(List.of(true, false)));
  }

  @Test
  void committeeRulesAreA422AndChangeNothing() {
    Setup s = branchWith(3);
    given()
        .contentType(ContentType.JSON)
        .body(
            term(
                "2026-01-01",
                "APPOINTED",
                seat(s.members().get(0), "SECRETARY"),
                seat(s.members().get(1), "ORGANISATION")))
        .post("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("has no committee"));
    given()
        .contentType(ContentType.JSON)
        .body(term("2026-01-01", "APPOINTED", seat(UUID.randomUUID(), "SECRETARY")))
        .post("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(422)
        .body("detail", containsString("not on the branch's roster"));
    given()
        .contentType(ContentType.JSON)
        .body(term("2026-01-01", "APPOINTED", seat(s.members().get(0), "DEPUTY_SECRETARY")))
        .post("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(422)
        .body("detail", containsString("exactly one secretary"));
    given()
        .contentType(ContentType.JSON)
        .body(term("2026-01-01", "BY_LOT", seat(s.members().get(0), "SECRETARY")))
        .post("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("electionMethod"));
    given().get("/api/v1/branches/" + s.branch() + "/terms").then().body("$", hasSize(0));
  }

  @Test
  void aBigBranchElectsACommittee() {
    Setup s = branchWith(7);
    List<UUID> m = s.members();
    given()
        .contentType(ContentType.JSON)
        .body(term("2026-01-01", "COMPETITIVE_ELECTION", seat(m.get(0), "SECRETARY")))
        .post("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(422)
        .body("detail", containsString("committee of 3 to 5"));
    given()
        .contentType(ContentType.JSON)
        .body(
            term(
                "2026-01-01",
                "COMPETITIVE_ELECTION",
                seat(m.get(0), "SECRETARY"),
                seat(m.get(1), "ORGANISATION"),
                seat(m.get(2), "PUBLICITY"),
                seat(m.get(3), "DISCIPLINE")))
        .post("/api/v1/branches/" + s.branch() + "/terms")
        .then()
        .statusCode(201)
        .body("seats.role", hasItem("DISCIPLINE"));
  }

  @Test
  void termsEndingSoonAreListedForReElection() {
    Setup s = branchWith(3);
    LocalDate start = LocalDate.now().minusYears(3).plusDays(20);
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(term(start.toString(), "APPOINTED", seat(s.members().get(0), "SECRETARY")))
            .post("/api/v1/branches/" + s.branch() + "/terms")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .queryParam("withinDays", 60)
        .get("/api/v1/terms/expiring")
        .then()
        .statusCode(200)
        .body("id", hasItem(id));
    given()
        .queryParam("withinDays", 5)
        .get("/api/v1/terms/expiring")
        .then()
        .body("id", not(hasItem(id)));
    given()
        .queryParam("withinDays", -1)
        .get("/api/v1/terms/expiring")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
