package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.civic.branches.Fixtures;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
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
    Fixtures.Street s = Fixtures.street("中华门街道党工委" + UUID.randomUUID());
    String admin = s.adminToken();
    String street = s.id().toString();
    String community = Fixtures.orgUnit(admin, street, "COMMUNITY_COMMITTEE", "金贡里社区党委");
    Fixtures.orgUnit(admin, community, "FLOATING_MEMBER_STATION", "流动党员管理站");
    Fixtures.orgUnit(admin, community, "UNIT_ORGANISATION", "驻区单位党组织");
    UUID building = Fixtures.building(admin, UUID.fromString(community), "1号楼");
    Fixtures.fullMembers(UUID.fromString(community), building, 3);
    Fixtures.awaitResidents(admin, building, 3);
    UUID branch =
        Fixtures.branch(admin, UUID.fromString(community), "BUILDING_BRANCH", "1号楼党支部", building);
    String group = Fixtures.orgUnit(admin, branch.toString(), "PARTY_GROUP", "第一党小组");

    given()
        .auth()
        .oauth2(admin)
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
        .auth()
        .oauth2(admin)
        .queryParam("parentId", community)
        .get("/api/v1/org-units")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.kind", hasItem("BUILDING_BRANCH"));
    given()
        .auth()
        .oauth2(admin)
        .get("/api/v1/org-units")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items.id", hasItem(street));
    given()
        .auth()
        .oauth2(admin)
        .get("/api/v1/org-units/" + group)
        .then()
        .statusCode(200)
        .body("communityId", equalTo(community))
        .body("parentId", equalTo(branch.toString()));
    // the demo street's administrator sees nothing of this street
    given().get("/api/v1/org-units/" + street).then().statusCode(403);
    given().get("/api/v1/org-units").then().statusCode(200).body("items.id", not(hasItem(street)));
  }

  @Test
  void aStreetIsCreatedOnlyByItsOwnAdministratorWithItsId() {
    UUID id = UUID.randomUUID();
    String name = "街道" + id;
    String body =
        """
        {"id": "%s", "kind": "STREET_WORKING_COMMITTEE", "name": "%s"}
        """
            .formatted(id, name);
    // another street's administrator, a community secretary, no id at all: 403
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.of("COMMUNITY_SECRETARY", id))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(403);
    String admin = TestTokens.of("STREET_ADMIN", id);
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body(null, "STREET_WORKING_COMMITTEE", name))
        .post("/api/v1/org-units")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .body("id", equalTo(id.toString()));
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    // children only under a parent in the caller's scope
    given()
        .contentType(ContentType.JSON)
        .body(body(id.toString(), "COMMUNITY_COMMITTEE", "别人的社区"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(admin)
        .queryParam("parentId", id.toString())
        .get("/api/v1/org-units")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void misplacedUnitsAreA422AndChangeNothing() {
    Fixtures.Street s = Fixtures.street("街道" + UUID.randomUUID());
    String admin = s.adminToken();
    String street = s.id().toString();
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body(street, "PARTY_GROUP", "党小组"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("parentId"))
        .body("detail", containsString("cannot be placed under a STREET_WORKING_COMMITTEE"));
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body(null, "COMMUNITY_COMMITTEE", "无上级社区"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .body("detail", containsString("needs a parent"));
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(
            body(street, "COMMUNITY_COMMITTEE", "社区")
                .replace("\"name\"", "\"code\": \"" + UUID.randomUUID() + "\", \"name\""))
        .post("/api/v1/org-units")
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(body(street, "COMMUNITY_COMMITTEE", "社区"))
        .post("/api/v1/org-units")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("name"));
    given()
        .auth()
        .oauth2(admin)
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
