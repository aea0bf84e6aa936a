package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

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
class OrgUnitResourceTests {

  static String body(String parentId, String kind, String name) {
    return """
        {"parentId": %s, "kind": "%s", "name": "%s"}
        """
        .formatted(parentId == null ? "null" : "\"" + parentId + "\"", kind, name);
  }

  @Test
  void aStreetTreeCanBeBuiltAndReadAsAWholeOrLevelByLevel() {
    String street = Fixtures.orgUnit(null, "STREET_WORKING_COMMITTEE", "中华门街道党工委");
    String community = Fixtures.orgUnit(street, "COMMUNITY_COMMITTEE", "金贡里社区党委");
    Fixtures.orgUnit(community, "FLOATING_MEMBER_STATION", "流动党员管理站");
    Fixtures.orgUnit(community, "UNIT_ORGANISATION", "驻区单位党组织");
    UUID building = Fixtures.building(UUID.fromString(community), "1号楼");
    Fixtures.fullMembers(UUID.fromString(community), building, 3);
    Fixtures.awaitResidents(building, 3);
    UUID branch =
        Fixtures.branch(UUID.fromString(community), "BUILDING_BRANCH", "1号楼党支部", building);
    String group = Fixtures.orgUnit(branch.toString(), "PARTY_GROUP", "第一党小组");

    given()
        .get("/api/v1/org-units/" + street + "/tree")
        .then()
        .statusCode(200)
        .body("kind", equalTo("STREET_WORKING_COMMITTEE"))
        .body("children", hasSize(1))
        .body("children[0].communityId", equalTo(community))
        .body("children[0].children", hasSize(3))
        .body("children[0].children.name", hasItem("1号楼党支部"))
        .body(
            "children[0].children.find { it.id == '" + branch + "' }.children[0].id",
            equalTo(group));
    given()
        .queryParam("parentId", community)
        .get("/api/v1/org-units")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.kind", hasItem("BUILDING_BRANCH"));
    given().get("/api/v1/org-units").then().statusCode(200).body("items.id", hasItem(street));
    given()
        .get("/api/v1/org-units/" + group)
        .then()
        .statusCode(200)
        .body("communityId", equalTo(community))
        .body("parentId", equalTo(branch.toString()));
  }

  @Test
  void misplacedUnitsAreA422AndChangeNothing() {
    String street = Fixtures.orgUnit(null, "STREET_WORKING_COMMITTEE", "街道" + UUID.randomUUID());
    given()
        .contentType(ContentType.JSON)
        .body(body(street, "PARTY_GROUP", "党小组"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("parentId"))
        .body("detail", containsString("cannot be placed under a STREET_WORKING_COMMITTEE"));
    given()
        .contentType(ContentType.JSON)
        .body(body(null, "COMMUNITY_COMMITTEE", "无上级社区"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .body("detail", containsString("needs a parent"));
    given()
        .contentType(ContentType.JSON)
        .body(
            body(street, "COMMUNITY_COMMITTEE", "社区")
                .replace("\"name\"", "\"code\": \"X1\", \"name\""))
        .post("/api/v1/org-units")
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body(body(street, "COMMUNITY_COMMITTEE", "社区"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("name"));
    given()
        .queryParam("parentId", street)
        .get("/api/v1/org-units")
        .then()
        .body("total", equalTo(1));
  }

  @Test
  void branchesAreNotCreatedHereButThroughTheirRules() {
    String community = Fixtures.community().toString();
    given()
        .contentType(ContentType.JSON)
        .body(body(community, "BUILDING_BRANCH", "支部"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .body("detail", containsString("/api/v1/branches"));
  }

  @Test
  void badInputIsA400AndUnknownUnitsA404() {
    given()
        .contentType(ContentType.JSON)
        .body(body(null, "CITY", "x"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("kind"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"kind\": \"STREET_WORKING_COMMITTEE\"}")
        .post("/api/v1/org-units")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("name"));
    given()
        .contentType(ContentType.JSON)
        .body(body(UUID.randomUUID().toString(), "COMMUNITY_COMMITTEE", "x"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .body("detail", containsString("does not exist"));
    given().get("/api/v1/org-units/" + UUID.randomUUID() + "/tree").then().statusCode(404);
    given()
        .queryParam("parentId", UUID.randomUUID().toString())
        .get("/api/v1/org-units")
        .then()
        .statusCode(404);
  }
}
