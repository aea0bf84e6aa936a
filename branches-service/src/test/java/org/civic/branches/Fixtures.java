package org.civic.branches;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic.eventing.CloudEventHeaders;
import org.civic.eventing.EventEnvelope;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/** Builds org units, buildings and member events for the REST and event tests. */
public final class Fixtures {
  private static KafkaTestClient kafka;

  private Fixtures() {}

  public static synchronized KafkaTestClient kafka() {
    if (kafka == null) {
      kafka = new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers());
    }
    return kafka;
  }

  public static String orgUnit(String parentId, String kind, String name) {
    return orgUnit(TestTokens.streetAdmin(), parentId, kind, name);
  }

  /** Creates an org unit as the caller of {@code token}; returns its id. */
  public static String orgUnit(String token, String parentId, String kind, String name) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            """
            {"parentId": %s, "kind": "%s", "name": "%s"}
            """
                .formatted(parentId == null ? "null" : "\"" + parentId + "\"", kind, name))
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * The demo street (id {@link Tokens#DEMO_STREET}, the default caller's scope), created on first
   * use: a repeat is a 409 and changes nothing.
   */
  public static UUID demoStreet() {
    int status =
        given()
            .auth()
            .oauth2(TestTokens.streetAdmin())
            .contentType(ContentType.JSON)
            .body(
                """
                {"id": "%s", "kind": "STREET_WORKING_COMMITTEE", "name": "测试街道党工委"}
                """
                    .formatted(Tokens.DEMO_STREET))
            .post("/api/v1/org-units")
            .then()
            .extract()
            .statusCode();
    if (status != 201 && status != 409) {
      throw new AssertionError("Could not create the demo street: HTTP " + status);
    }
    return Tokens.DEMO_STREET;
  }

  /** A new community in the demo street (so the default caller sees it); returns its id. */
  public static UUID community() {
    String street = demoStreet().toString();
    return UUID.fromString(orgUnit(street, "COMMUNITY_COMMITTEE", "社区" + UUID.randomUUID()));
  }

  /** A street of its own and the token of its administrator (outside the demo street's scope). */
  public record Street(UUID id, String adminToken) {}

  /** Creates a new street (root) as its own administrator. */
  public static Street street(String name) {
    UUID id = UUID.randomUUID();
    String token = TestTokens.of("STREET_ADMIN", id);
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(
            """
            {"id": "%s", "kind": "STREET_WORKING_COMMITTEE", "name": "%s"}
            """
                .formatted(id, name))
        .post("/api/v1/org-units")
        .then()
        .statusCode(201);
    return new Street(id, token);
  }

  public static UUID building(UUID community, String name) {
    return building(TestTokens.streetAdmin(), community, name);
  }

  /** Registers a building as the caller of {@code token}; returns its id. */
  public static UUID building(String token, UUID community, String name) {
    return UUID.fromString(
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(
                """
                {"communityId": "%s", "name": "%s", "units": 3}
                """
                    .formatted(community, name))
            .post("/api/v1/buildings")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  /** A member snapshot as members-service publishes it (docs/events.md). */
  public static String snapshot(
      UUID member, UUID community, UUID building, String standing, String status) {
    return """
        {"memberId": "%s", "name": "党员%s", "gender": "FEMALE", "birthDate": "1950-01-01",
         "standing": "%s", "category": "RETIRED", "status": "%s", "communityId": "%s",
         "buildingId": "%s", "unit": "1", "room": "101", "householdId": "%s",
         "specialties": ["medical"], "phone": "never-read"}
        """
        .formatted(
            member,
            member.toString().substring(0, 4),
            standing,
            status,
            community,
            building,
            UUID.nameUUIDFromBytes(member.toString().getBytes()));
  }

  /** Sends a member event to members.events with the CloudEvents headers; returns its id. */
  public static UUID sendMemberEvent(String type, UUID member, long version, String payload) {
    return sendMemberEvent(UUID.randomUUID(), type, member, version, payload);
  }

  public static UUID sendMemberEvent(
      UUID eventId, String type, UUID member, long version, String payload) {
    kafka()
        .send(
            "members.events",
            member.toString(),
            payload,
            CloudEventHeaders.of(
                new EventEnvelope(
                    eventId,
                    type,
                    OffsetDateTime.now(ZoneOffset.UTC),
                    "Member",
                    member.toString(),
                    version,
                    "members-service",
                    null)));
    return eventId;
  }

  /** Establishes a branch over the buildings; returns its id. */
  public static UUID branch(UUID community, String kind, String name, UUID... buildings) {
    return branch(TestTokens.streetAdmin(), community, kind, name, buildings);
  }

  /** Establishes a branch as the caller of {@code token}; returns its id. */
  public static UUID branch(
      String token, UUID community, String kind, String name, UUID... buildings) {
    String ids =
        java.util.Arrays.stream(buildings)
            .map(b -> "\"" + b + "\"")
            .collect(java.util.stream.Collectors.joining(","));
    return UUID.fromString(
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(
                """
                {"communityId": "%s", "name": "%s", "kind": "%s", "buildingIds": [%s]}
                """
                    .formatted(community, name, kind, ids))
            .post("/api/v1/branches")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  /** The member ids on a branch's roster now. */
  public static java.util.List<String> roster(UUID branch) {
    return given()
        .queryParam("size", 200)
        .get("/api/v1/branches/" + branch + "/roster")
        .then()
        .statusCode(200)
        .extract()
        .path("items.memberId");
  }

  /** Waits until the building's resident count reaches {@code total}. */
  public static void awaitResidents(UUID building, int total) {
    awaitResidents(TestTokens.streetAdmin(), building, total);
  }

  /** The same, reading as the caller of {@code token}. */
  public static void awaitResidents(String token, UUID building, int total) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/buildings/" + building)
                    .then()
                    .body("residents.total", org.hamcrest.Matchers.equalTo(total)));
  }

  /** Registers {@code n} full members in the building; waits until counted. */
  public static java.util.List<UUID> fullMembers(UUID community, UUID building, int n) {
    java.util.List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(member(community, building, "FULL"));
    }
    return ids;
  }

  /** Registers a member living in {@code building} (version 0). */
  public static UUID member(UUID community, UUID building, String standing) {
    UUID member = UUID.randomUUID();
    sendMemberEvent(
        "MemberRegistered", member, 0, snapshot(member, community, building, standing, "ACTIVE"));
    return member;
  }
}
