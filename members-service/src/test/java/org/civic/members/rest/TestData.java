package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic.eventing.CloudEventHeaders;
import org.civic.eventing.EventEnvelope;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/**
 * Test data shared by the tests: known buildings (via branches.events) and members. Public for the
 * tests of other packages (the events tests register members too).
 */
public final class TestData {
  private static final KafkaTestClient KAFKA = new KafkaTestClient();

  private TestData() {}

  static KafkaTestClient kafka() {
    return KAFKA;
  }

  /** Sends an event to a topic as another service would. */
  static void sendEvent(
      String topic, String type, String aggregateType, String key, long version, String json) {
    KAFKA.send(
        topic,
        key,
        json,
        CloudEventHeaders.of(
            new EventEnvelope(
                UUID.randomUUID(),
                type,
                OffsetDateTime.now(ZoneOffset.UTC),
                aggregateType,
                key,
                version,
                "branches-service",
                null)));
  }

  /**
   * A building of a community in the demo street (so the default caller, the demo street's
   * administrator, sees it), once members-service knows it.
   */
  static UUID knownBuilding(UUID community) {
    return knownBuilding(community, Tokens.DEMO_STREET);
  }

  /** A building announced by branches-service in a community of a street, once known here. */
  static UUID knownBuilding(UUID community, UUID street) {
    UUID building = UUID.randomUUID();
    sendEvent(
        "branches.events",
        "BuildingRegistered",
        "Building",
        building.toString(),
        0,
        """
        {"buildingId":"%s","communityId":"%s","name":"%s号楼","units":4,"address":"金贡里",
         "orgPath":["%s","%s"]}
        """
            .formatted(
                building, community, Math.abs(building.hashCode() % 100), street, community));
    String admin = TestTokens.of("STREET_ADMIN", street);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(admin)
                        .get("/api/v1/reference/buildings/" + building)
                        .then()
                        .extract()
                        .statusCode()
                    == 200);
    return building;
  }

  public static String memberJson(String name, UUID building, String unit, String room) {
    return memberJson(name, "1948-03-02", "RETIRED", building, unit, room, "[\"medical\"]");
  }

  static String memberJson(
      String name,
      String birthDate,
      String category,
      UUID building,
      String unit,
      String room,
      String specialties) {
    return """
        {"name":"%s","gender":"FEMALE","birthDate":"%s","ethnicity":"汉族","phone":"13800000000",
         "standing":"FULL","joinedOn":"%s","fullMemberOn":"%s",
         "category":"%s","specialties":%s,
         "buildingId":"%s","unit":"%s","room":"%s"}
        """
        .formatted(
            name,
            birthDate,
            joined(birthDate, 20),
            joined(birthDate, 21),
            category,
            specialties,
            building,
            unit,
            room);
  }

  /** A date some years after the birth date (or today when that is later). */
  private static String joined(String birthDate, int years) {
    try {
      java.time.LocalDate d = java.time.LocalDate.parse(birthDate).plusYears(years);
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
      return (d.isAfter(today) ? today : d).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return "1975-07-01";
    }
  }

  /** Registers a member; returns its id. */
  public static String register(String json) {
    return given()
        .contentType(ContentType.JSON)
        .body(json)
        .post("/api/v1/members")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
