package org.civic.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Creates what scenarios need through the public APIs, as a frontend would. */
final class Fixtures {
  private Fixtures() {}

  static String orgUnit(SystemUnderTest system, String parentId, String kind, String name) {
    String parent = parentId == null ? "null" : "\"" + parentId + "\"";
    return given()
        .baseUri(system.url("branches-service"))
        .contentType(ContentType.JSON)
        .body("{\"parentId\": %s, \"kind\": \"%s\", \"name\": \"%s\"}".formatted(parent, kind, name))
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A new street with one community; returns the community id. */
  static String community(SystemUnderTest system) {
    String street = orgUnit(system, null, "STREET_WORKING_COMMITTEE", "中华门街道" + System.nanoTime());
    return orgUnit(system, street, "COMMUNITY_COMMITTEE", "金贡里社区");
  }

  static String building(SystemUnderTest system, String communityId, String name) {
    return given()
        .baseUri(system.url("branches-service"))
        .contentType(ContentType.JSON)
        .body(
            "{\"communityId\": \"%s\", \"name\": \"%s\", \"units\": 3, \"address\": \"金贡里\"}"
                .formatted(communityId, name))
        .post("/api/v1/buildings")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
