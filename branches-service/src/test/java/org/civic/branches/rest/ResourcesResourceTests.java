package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.civic.branches.Fixtures;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class ResourcesResourceTests {

  static final String FULL =
      """
      {"activityRoom": true, "roomAreaM2": 36.5, "yearlyFundingYuan": 3000,
       "branchPlaque": true, "partyMemberHomePlaque": true, "sign": true, "workSystemsBoard": true,
       "bookcase": true, "ledger": true, "recordBook": true, "subscriptions": "人民日报, 党建"%s}
      """;

  static UUID branch() {
    UUID community = Fixtures.community();
    UUID building = Fixtures.building(community, "R楼");
    Fixtures.fullMembers(community, building, 3);
    Fixtures.awaitResidents(building, 3);
    return Fixtures.branch(community, "BUILDING_BRANCH", "R楼党支部", building);
  }

  @Test
  void theChecklistStartsEmptyAndScoresWhatIsThere() {
    UUID branch = branch();
    given()
        .get("/api/v1/branches/" + branch + "/resources")
        .then()
        .statusCode(200)
        .body("completeness", equalTo(0))
        .body("version", equalTo(0));
    given()
        .contentType(ContentType.JSON)
        .body(FULL.formatted(", \"version\": 0"))
        .put("/api/v1/branches/" + branch + "/resources")
        .then()
        .statusCode(200)
        .body("completeness", equalTo(100))
        .body("version", equalTo(1));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "W/\"1\"")
        .body("{\"activityRoom\": true, \"roomAreaM2\": 20, \"sign\": true}")
        .put("/api/v1/branches/" + branch + "/resources")
        .then()
        .statusCode(200)
        .body("completeness", equalTo(23));
  }

  @Test
  void updatesNeedTheCurrentVersionAndValidInput() {
    UUID branch = branch();
    given()
        .contentType(ContentType.JSON)
        .body(FULL.formatted(""))
        .put("/api/v1/branches/" + branch + "/resources")
        .then()
        .statusCode(428);
    given()
        .contentType(ContentType.JSON)
        .body(FULL.formatted(", \"version\": 5"))
        .put("/api/v1/branches/" + branch + "/resources")
        .then()
        .statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body("{\"activityRoom\": true, \"roomAreaM2\": -3, \"version\": 0}")
        .put("/api/v1/branches/" + branch + "/resources")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("roomAreaM2"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"activityRoom\": false, \"roomAreaM2\": 30, \"version\": 0}")
        .put("/api/v1/branches/" + branch + "/resources")
        .then()
        .statusCode(422);
    given()
        .get("/api/v1/branches/" + branch + "/resources")
        .then()
        .body("completeness", equalTo(0))
        .body("version", equalTo(0));
    given().get("/api/v1/branches/" + UUID.randomUUID() + "/resources").then().statusCode(404);
  }
}
