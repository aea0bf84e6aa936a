package org.civic.branches.rest;

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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class BuildingResourceTests {

  static String body(UUID community, String name, Object units) {
    return """
        {"communityId": "%s", "name": "%s", "units": %s, "address": "金贡里"}
        """
        .formatted(community, name, units);
  }

  @Test
  void registeringABuildingStoresItAndPublishesBuildingRegistered() {
    UUID community = UUID.randomUUID();
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
    UUID community = UUID.randomUUID();
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
}
