package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.civic.branches.Fixtures;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class AssessmentResourceTests {

  @Test
  void goalsInspectionAndScoreOfAYearThenHonours() {
    UUID community = Fixtures.community();
    UUID building = Fixtures.building(community, "H楼");
    List<UUID> members = Fixtures.fullMembers(community, building, 3);
    Fixtures.awaitResidents(building, 3);
    UUID branch = Fixtures.branch(community, "BUILDING_BRANCH", "H楼党支部", building);
    String path = "/api/v1/branches/" + branch + "/assessments";

    given()
        .contentType(ContentType.JSON)
        .body("{\"year\": 2026, \"goals\": \"每月走访每户\"}")
        .post(path)
        .then()
        .statusCode(201)
        .body("version", equalTo(0));
    given()
        .contentType(ContentType.JSON)
        .body("{\"year\": 2026, \"goals\": \"again\"}")
        .post(path)
        .then()
        .statusCode(422);
    given()
        .contentType(ContentType.JSON)
        .body("{\"goals\": \"每月走访每户\", \"yearEndScore\": 90, \"version\": 0}")
        .put(path + "/2026")
        .then()
        .statusCode(422)
        .body("detail", containsString("mid-year inspection"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"goals\": \"每月走访每户\", \"midYearNotes\": \"台帐齐全\", \"yearEndScore\": 92,"
                + " \"version\": 0}")
        .put(path + "/2026")
        .then()
        .statusCode(200)
        .body("yearEndScore", equalTo(92))
        .body("version", equalTo(1));
    given()
        .contentType(ContentType.JSON)
        .body("{\"goals\": \"x\", \"version\": 0}")
        .put(path + "/2026")
        .then()
        .statusCode(409);
    given().get(path).then().statusCode(200).body("$", hasSize(1));

    String honour =
        """
        {"kind": "%s", "year": 2026, "%s": "%s", "basis": "年度考核92分"}
        """;
    given()
        .contentType(ContentType.JSON)
        .body(honour.formatted("ADVANCED_BUILDING_BRANCH", "branchId", branch))
        .post("/api/v1/honours")
        .then()
        .statusCode(201)
        .body("communityId", equalTo(community.toString()));
    given()
        .contentType(ContentType.JSON)
        .body(honour.formatted("ADVANCED_BUILDING_BRANCH", "branchId", branch))
        .post("/api/v1/honours")
        .then()
        .statusCode(422)
        .body("detail", containsString("already awarded"));
    given()
        .contentType(ContentType.JSON)
        .body(honour.formatted("CIVILISED_BUILDING", "branchId", branch))
        .post("/api/v1/honours")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("buildingId"));
    given()
        .contentType(ContentType.JSON)
        .body(honour.formatted("OUTSTANDING_MEMBER", "memberId", members.get(0)))
        .post("/api/v1/honours")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(honour.formatted("OUTSTANDING_MEMBER", "memberId", UUID.randomUUID()))
        .post("/api/v1/honours")
        .then()
        .statusCode(422);
    given()
        .queryParam("communityId", community.toString())
        .queryParam("year", 2026)
        .get("/api/v1/honours")
        .then()
        .statusCode(200)
        .body("$", hasSize(2));
  }
}
