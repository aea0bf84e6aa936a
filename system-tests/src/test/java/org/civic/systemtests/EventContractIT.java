package org.civic.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.civic.localinfra.KafkaTestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real events, produced by the packaged services, conform to the committed AsyncAPI document: every
 * record on the three topics (this scenario's and those of the other system tests in the same run)
 * has the CloudEvents headers and a payload valid against its type's JSON Schema.
 */
class EventContractIT {
  static SystemUnderTest system;

  @BeforeAll
  static void startSystem() {
    system = SystemUnderTest.get();
  }

  @Test
  void everyEventOnTheTopicsConformsToTheAsyncApiDocument() throws IOException {
    String community = Fixtures.community(system);
    String buildingA = Fixtures.building(system, community, "契约1号楼");
    String buildingB = Fixtures.building(system, community, "契约2号楼");
    Fixtures.awaitKnownIn(system, "members-service", buildingA);
    Fixtures.awaitKnownIn(system, "members-service", buildingB);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(Fixtures.member(system, buildingA, "1", "10" + i, "契约党员" + i));
    }
    Fixtures.awaitFullMembers(system, buildingA, 3);
    Fixtures.branch(system, community, "契约1号楼党支部", buildingA);
    given()
        .baseUri(system.url("members-service"))
        .contentType("application/json")
        .body("{\"buildingId\": \"%s\", \"unit\": \"2\", \"room\": \"201\"}".formatted(buildingB))
        .post("/api/v1/members/" + members.get(0) + "/relocation")
        .then()
        .statusCode(200);
    given()
        .baseUri(system.url("members-service"))
        .contentType("application/json")
        .body("{\"status\": \"LOST_CONTACT\", \"effectiveDate\": \"2026-11-01\"}")
        .post("/api/v1/members/" + members.get(1) + "/status")
        .then()
        .statusCode(200);

    EventContract contract = new EventContract();
    Map<String, Integer> seenByType = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    try (KafkaTestClient kafka = new KafkaTestClient(system.kafka.bootstrapServers())) {
      for (String topic : List.of("members.events", "branches.events", "activities.events")) {
        for (ConsumerRecord<String, String> record :
            kafka.awaitRecords(topic, r -> true, Integer.MAX_VALUE, Duration.ofSeconds(5))) {
          ObjectNode headers = EventContract.JSON.createObjectNode();
          for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
          }
          String type = headers.path("ce_type").asText();
          seenByType.merge(type, 1, Integer::sum);
          JsonNode payload = EventContract.JSON.readTree(record.value());
          Set<String> wrong = new java.util.TreeSet<>(contract.validateHeaders(headers));
          wrong.addAll(contract.validatePayload(type, payload));
          if (!record.key().equals(headers.path("ce_subject").asText())) {
            wrong.add("key " + record.key() + " is not ce_subject");
          }
          if (!contract.typesByTopic().getOrDefault(type, "").equals(topic)) {
            wrong.add(type + " is not documented on " + topic);
          }
          if (!wrong.isEmpty()) {
            problems.add(topic + " " + type + " " + record.value() + " -> " + wrong);
          }
        }
      }
    }
    System.out.printf("Events validated against docs/api/asyncapi.yaml: %s%n", seenByType);
    assertThat(problems).isEmpty();
    assertThat(seenByType)
        .containsKeys(
            "MemberRegistered",
            "MemberRelocated",
            "MemberStatusChanged",
            "BuildingRegistered",
            "BranchEstablished",
            "RosterChanged");
  }
}
