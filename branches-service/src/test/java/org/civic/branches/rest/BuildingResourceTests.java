package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.branches.Fixtures;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class BuildingResourceTests {

  static String body(UUID community, String name, Object units) {
    return body(community.toString(), name, units);
  }

  static String body(String community, String name, Object units) {
    return """
        {"communityId": "%s", "name": "%s", "units": %s, "address": "金贡里"}
        """
        .formatted(community, name, units);
  }

  @Test
  void registeringABuildingStoresItAndPublishesBuildingRegistered() throws Exception {
    UUID community = Fixtures.community();
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(body(community, "3号楼", 4))
            .when()
            .post("/api/v1/buildings")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/buildings/"))
            .header("ETag", notNullValue())
            .body("name", equalTo("3号楼"))
            .body("units", equalTo(4))
            .extract()
            .path("id");

    given().when().get("/api/v1/buildings/" + id).then().statusCode(200).body("id", equalTo(id));
    given()
        .queryParam("communityId", community.toString())
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items.name", hasItem("3号楼"));

    List<ConsumerRecord<String, String>> events =
        new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers())
            .awaitRecords("branches.events", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo("BuildingRegistered");
    assertThat(events.get(0).value()).contains(community.toString()).contains("3号楼");
    // orgPath: from the root street down to and including the community (issue 7)
    assertThat(new ObjectMapper().readTree(events.get(0).value()).get("orgPath"))
        .extracting(JsonNode::asText)
        .containsExactly(Tokens.DEMO_STREET.toString(), community.toString());
  }

  @Test
  void missingAndInvalidFieldsAreA400ProblemNamingEachField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": \"\", \"units\": 0}")
        .when()
        .post("/api/v1/buildings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:problem-type:validation-error"))
        .body("errors.field", hasItem("communityId"))
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("units"));
  }

  @Test
  void malformedJsonAndWrongTypesAreA400Problem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\": ")
        .when()
        .post("/api/v1/buildings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(body(UUID.randomUUID(), "x", "\"many\""))
        .when()
        .post("/api/v1/buildings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("units"));
  }

  @Test
  void aDuplicateNameInTheSameCommunityIsA422AndChangesNothing() {
    UUID community = Fixtures.community();
    given()
        .contentType(ContentType.JSON)
        .body(body(community, "5号楼", 2))
        .post("/api/v1/buildings")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(body(community, "5号楼", 3))
        .when()
        .post("/api/v1/buildings")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("already registered"));
    given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/buildings")
        .then()
        .body("total", equalTo(1));
  }

  @Test
  void aCommunityThatIsNotACommunityCommitteeIsA422AndChangesNothing() {
    UUID community = Fixtures.community();
    String station = Fixtures.orgUnit(community.toString(), "FLOATING_MEMBER_STATION", "流动站");
    given()
        .contentType(ContentType.JSON)
        .body(body(station, "7号楼", 2))
        .post("/api/v1/buildings")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("communityId"))
        .body("detail", containsString("not a COMMUNITY_COMMITTEE"));
    given()
        .contentType(ContentType.JSON)
        .body(body(UUID.randomUUID(), "7号楼", 2))
        .post("/api/v1/buildings")
        .then()
        .statusCode(422)
        .body("detail", containsString("does not exist"));
    given()
        .queryParam("communityId", station)
        .get("/api/v1/buildings")
        .then()
        .body("total", equalTo(0));
  }

  @Test
  void aBuildingShowsLiveCountsOfItsResidentMembers() {
    UUID community = Fixtures.community();
    UUID building = Fixtures.building(community, "9号楼");
    given()
        .get("/api/v1/buildings/" + building)
        .then()
        .statusCode(200)
        .body("residents.total", equalTo(0))
        .body("eligibleForOwnBranch", equalTo(false));
    Fixtures.member(community, building, "FULL");
    Fixtures.member(community, building, "FULL");
    Fixtures.member(community, building, "PROBATIONARY");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/buildings/" + building)
                    .then()
                    .body("residents.total", equalTo(3))
                    .body("residents.full", equalTo(2))
                    .body("residents.probationary", equalTo(1))
                    .body("residents.byCategory.RETIRED", equalTo(3))
                    .body("residents.byCategory.EMPLOYED", equalTo(0))
                    .body("eligibleForOwnBranch", equalTo(false)));
    Fixtures.member(community, building, "FULL");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("communityId", community.toString())
                    .get("/api/v1/buildings")
                    .then()
                    .body("items[0].residents.full", equalTo(3))
                    .body("items[0].eligibleForOwnBranch", equalTo(true)));
  }

  @Test
  void unknownBuildingIsA404Problem() {
    given()
        .when()
        .get("/api/v1/buildings/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:problem-type:not-found"));
  }

  @Test
  void pageSizeOutOfRangeIsA400Problem() {
    given()
        .queryParam("size", 1000)
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("size"));
  }

  @Test
  void aMalformedIdIsA400NamingTheParameter() {
    given()
        .queryParam("communityId", "abc")
        .when()
        .get("/api/v1/buildings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("communityId"));
    given()
        .when()
        .get("/api/v1/buildings/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("id"));
  }
}
