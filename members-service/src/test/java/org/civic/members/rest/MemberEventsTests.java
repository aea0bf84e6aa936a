package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civic.members.rest.TestData.knownBuilding;
import static org.civic.members.rest.TestData.memberJson;
import static org.civic.members.rest.TestData.register;
import static org.hamcrest.Matchers.equalTo;

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
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberEventsTests {
  static final ObjectMapper JSON = new ObjectMapper();

  static List<ConsumerRecord<String, String>> eventsOf(String memberId, int atLeast) {
    return TestData.kafka()
        .awaitRecords(
            "members.events", r -> memberId.equals(r.key()), atLeast, Duration.ofSeconds(30));
  }

  static JsonNode json(ConsumerRecord<String, String> r) throws Exception {
    return JSON.readTree(r.value());
  }

  @Test
  void eachChangePublishesOneEventWithStrictlyIncreasingVersions() throws Exception {
    UUID community = UUID.randomUUID();
    UUID from = knownBuilding(community);
    UUID to = knownBuilding(community);
    String id = register(memberJson("张秀兰", from, "2", "301"));
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"name":"张秀兰","gender":"FEMALE","birthDate":"1948-03-02","standing":"FULL",
             "category":"RETIRED","phone":"13900000000","specialties":["medical","calligraphy"],
             "version":0}
            """)
        .put("/api/v1/members/" + id)
        .then()
        .statusCode(200);
    String relocation = "{\"buildingId\":\"%s\",\"unit\":\"1\",\"room\":\"101\"}".formatted(to);
    given()
        .contentType(ContentType.JSON)
        .body(relocation)
        .post("/api/v1/members/" + id + "/relocation")
        .then()
        .statusCode(200);
    // Same address: no event.
    given()
        .contentType(ContentType.JSON)
        .body(relocation)
        .post("/api/v1/members/" + id + "/relocation")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"DECEASED\",\"reason\":\"病故\"}")
        .post("/api/v1/members/" + id + "/status")
        .then()
        .statusCode(200);
    // A sensitive profile publishes nothing.
    given()
        .contentType(ContentType.JSON)
        .body("{\"health\":\"心脏病\",\"hardship\":false}")
        .put("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .statusCode(200);

    List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
    assertThat(events)
        .extracting(r -> KafkaTestClient.header(r, "ce_type"))
        .containsExactly(
            "MemberRegistered", "MemberUpdated", "MemberRelocated", "MemberStatusChanged");
    assertThat(events)
        .extracting(r -> Long.parseLong(KafkaTestClient.header(r, "ce_aggregateversion")))
        .containsExactly(0L, 1L, 2L, 3L);
    assertThat(events)
        .allSatisfy(
            r -> {
              assertThat(KafkaTestClient.header(r, "ce_aggregatetype")).isEqualTo("Member");
              assertThat(KafkaTestClient.header(r, "ce_source")).isEqualTo("/members-service");
              assertThat(r.value()).doesNotContain("13900000000", "13800000000", "心脏病");
            });

    JsonNode registered = json(events.get(0));
    assertThat(registered.get("memberId").asText()).isEqualTo(id);
    assertThat(registered.get("name").asText()).isEqualTo("张秀兰");
    assertThat(registered.get("communityId").asText()).isEqualTo(community.toString());
    assertThat(registered.get("birthDate").asText()).isEqualTo("1948-03-02");
    assertThat(registered.has("phone")).isFalse();

    JsonNode updated = json(events.get(1));
    assertThat(updated.get("specialties").toString()).isEqualTo("[\"medical\",\"calligraphy\"]");

    JsonNode relocated = json(events.get(2));
    assertThat(relocated.get("buildingId").asText()).isEqualTo(to.toString());
    assertThat(relocated.get("from").get("buildingId").asText()).isEqualTo(from.toString());
    assertThat(relocated.get("from").get("room").asText()).isEqualTo("301");
    assertThat(relocated.get("to").get("room").asText()).isEqualTo("101");
    assertThat(relocated.get("to").get("householdId").asText())
        .isEqualTo(relocated.get("householdId").asText());
    assertThat(relocated.get("effectiveAt").isTextual()).isTrue();
    assertThat(java.time.Instant.parse(relocated.get("effectiveAt").asText())).isNotNull();

    JsonNode status = json(events.get(3));
    assertThat(status.get("status").asText()).isEqualTo("DECEASED");
    assertThat(status.get("previousStatus").asText()).isEqualTo("ACTIVE");
    assertThat(status.get("reason").asText()).isEqualTo("病故");
    assertThat(status.get("effectiveDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  /** Field names that must never appear in an event, at any depth. */
  static final List<String> SENSITIVE_FIELDS =
      List.of(
          "phone",
          "idNumber",
          "idNumberMasked",
          "health",
          "familyMembers",
          "livingSituation",
          "hardship",
          "hardshipReason");

  static void collectFieldNames(JsonNode node, java.util.Set<String> into) {
    node.fields()
        .forEachRemaining(
            e -> {
              into.add(e.getKey());
              collectFieldNames(e.getValue(), into);
            });
    if (node.isArray()) {
      node.forEach(child -> collectFieldNames(child, into));
    }
  }

  @Test
  void memberEventsOnTheBrokerCarryNoSensitiveFields() throws Exception {
    UUID community = UUID.randomUUID();
    UUID from = knownBuilding(community);
    UUID to = knownBuilding(community);
    String id = register(memberJson("隐私", from, "1", "101").replace("13800000000", "13812345678"));
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"health":"糖尿病","livingSituation":"独居","hardship":true,"hardshipReason":"低保",
             "familyMembers":[{"name":"隐子","relation":"儿子","birthYear":1975}],
             "idNumber":"11010519491231002X"}
            """)
        .put("/api/v1/members/" + id + "/sensitive-profile")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"name":"隐私","gender":"FEMALE","birthDate":"1948-03-02","standing":"FULL",
             "category":"RETIRED","phone":"13987654321","version":0}
            """)
        .put("/api/v1/members/" + id)
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"buildingId\":\"%s\",\"unit\":\"2\",\"room\":\"202\"}".formatted(to))
        .post("/api/v1/members/" + id + "/relocation")
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"status\":\"LOST_CONTACT\"}")
        .post("/api/v1/members/" + id + "/status")
        .then()
        .statusCode(200);

    List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
    assertThat(events).hasSize(4);
    for (ConsumerRecord<String, String> event : events) {
      java.util.Set<String> fields = new java.util.HashSet<>();
      collectFieldNames(json(event), fields);
      assertThat(fields)
          .as(KafkaTestClient.header(event, "ce_type"))
          .doesNotContainAnyElementsOf(SENSITIVE_FIELDS);
      assertThat(event.value())
          .doesNotContain("13812345678", "13987654321", "1101051949", "糖尿病", "独居", "低保", "隐子");
    }
  }

  @Test
  void rosterChangedSetsAndClearsTheMembersBranchAndIgnoresStaleEvents() {
    UUID building = knownBuilding(UUID.randomUUID());
    String id = register(memberJson("刘支部", building, "1", "1"));
    UUID branchA = UUID.randomUUID();
    UUID branchB = UUID.randomUUID();
    roster(id, branchA, "JOINED", 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/members/" + id)
                    .then()
                    .body("branchId", equalTo(branchA.toString())));
    // The version of the member record is not touched by roster changes.
    given().get("/api/v1/members/" + id).then().body("version", equalTo(0));
    roster(id, branchA, "LEFT", 2);
    roster(id, branchB, "JOINED", 3);
    roster(id, branchA, "JOINED", 2); // stale: older than what was applied
    // LEFT naming another branch does not clear the current one.
    roster(id, branchA, "LEFT", 4);
    given()
        .queryParam("branchId", branchB.toString())
        .get("/api/v1/members")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("branchId", branchB.toString())
                    .get("/api/v1/members")
                    .then()
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(id)));
    roster(id, branchB, "LEFT", 5);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> given().get("/api/v1/members/" + id).then().body("branchId", equalTo(null)));
  }

  static void roster(String memberId, UUID branch, String change, long version) {
    TestData.sendEvent(
        "branches.events",
        "RosterChanged",
        "RosterEntry",
        memberId,
        version,
        """
        {"memberId":"%s","branchId":"%s","change":"%s","reason":"REGISTERED","memberName":"x"}
        """
            .formatted(memberId, branch, change));
  }
}
