package org.civic.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import org.civic.localinfra.security.Tokens;

/** Creates what scenarios need through the public APIs, as a frontend would. */
final class Fixtures {
  private Fixtures() {}

  static String orgUnit(SystemUnderTest system, String parentId, String kind, String name) {
    String parent = parentId == null ? "null" : "\"" + parentId + "\"";
    return given()
        .baseUri(system.url("branches-service"))
        .contentType(ContentType.JSON)
        .body(
            "{\"parentId\": %s, \"kind\": \"%s\", \"name\": \"%s\"}".formatted(parent, kind, name))
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * A new community in the demo street (created on first use, with the fixed id the default
   * caller's STREET_ADMIN token is bound to); returns the community id.
   */
  static String community(SystemUnderTest system) {
    int status =
        given()
            .baseUri(system.url("branches-service"))
            .contentType(ContentType.JSON)
            .body(
                "{\"id\": \"%s\", \"kind\": \"STREET_WORKING_COMMITTEE\", \"name\": \"中华门街道\"}"
                    .formatted(Tokens.DEMO_STREET))
            .post("/api/v1/org-units")
            .then()
            .extract()
            .statusCode();
    if (status != 201 && status != 409) {
      throw new IllegalStateException("Could not create the demo street: HTTP " + status);
    }
    return orgUnit(
        system, Tokens.DEMO_STREET.toString(), "COMMUNITY_COMMITTEE", "金贡里社区" + System.nanoTime());
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

  /** Registers a FULL member at an address; returns the member id. */
  static String member(
      SystemUnderTest system, String buildingId, String unit, String room, String name) {
    return given()
        .baseUri(system.url("members-service"))
        .contentType(ContentType.JSON)
        .body(
            """
            {"name": "%s", "gender": "FEMALE", "birthDate": "1950-05-01", "standing": "FULL",
             "joinedOn": "1975-07-01", "fullMemberOn": "1976-07-01", "category": "RETIRED",
             "buildingId": "%s", "unit": "%s", "room": "%s"}
            """
                .formatted(name, buildingId, unit, room))
        .post("/api/v1/members")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Waits until members-service knows the building (BuildingRegistered arrived). */
  static void awaitKnownIn(SystemUnderTest system, String service, String buildingId) {
    Wait.until(
        service + " knows building " + buildingId,
        () ->
            given()
                    .baseUri(system.url(service))
                    .get("/api/v1/reference/buildings/" + buildingId)
                    .statusCode()
                == 200);
  }

  /** Waits until branches-service counts {@code full} full members in the building. */
  static void awaitFullMembers(SystemUnderTest system, String buildingId, int full) {
    Wait.until(
        "branches-service counts " + full + " full members in " + buildingId,
        () ->
            given()
                    .baseUri(system.url("branches-service"))
                    .get("/api/v1/buildings/" + buildingId)
                    .then()
                    .extract()
                    .<Integer>path("residents.full")
                >= full);
  }

  static String branch(SystemUnderTest system, String communityId, String name, String buildingId) {
    return given()
        .baseUri(system.url("branches-service"))
        .contentType(ContentType.JSON)
        .body(
            """
            {"communityId": "%s", "name": "%s", "kind": "BUILDING_BRANCH", "buildingIds": ["%s"]}
            """
                .formatted(communityId, name, buildingId))
        .post("/api/v1/branches")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
