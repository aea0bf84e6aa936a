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
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
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
        .body("{\"status\": \"LOST_CONTACT\"}") // effective today: the member was registered today
        .post("/api/v1/members/" + members.get(1) + "/status")
        .then()
        .statusCode(200);

    EventContract contract = new EventContract();
    Map<String, Integer> seenByType = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String topic : List.of("members.events", "branches.events", "activities.events")) {
      for (ConsumerRecord<String, String> record : everything(topic)) {
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

  /** Every record on the topic so far, from the beginning to the current end offsets. */
  private static List<ConsumerRecord<String, String>> everything(String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka.bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * Consumers ignore event types they do not know and fields they do not know (additive evolution):
   * neither goes to a dead-letter topic, and the event with the extra field is applied.
   */
  @Test
  void consumersIgnoreUnknownTypesAndFields() {
    String community = Fixtures.community(system);
    String futureType = java.util.UUID.randomUUID().toString();
    String building = java.util.UUID.randomUUID().toString();
    try (KafkaTestClient kafka = new KafkaTestClient(system.kafka.bootstrapServers())) {
      kafka.send(
          "branches.events",
          futureType,
          "{\"somethingNew\": true}",
          headers("BuildingRenamedInTheFuture", "Building", futureType));
      kafka.send(
          "branches.events",
          building,
          """
          {"buildingId": "%s", "communityId": "%s", "name": "未来楼", "units": 2,
           "address": "金贡里", "orgPath": ["%s", "%s"], "energyLabel": "A"}
          """
              .formatted(
                  building, community, org.civic.localinfra.security.Tokens.DEMO_STREET, community),
          headers("BuildingRegistered", "Building", building));
      Fixtures.awaitKnownIn(system, "members-service", building);
      Fixtures.awaitKnownIn(system, "activities-service", building);
      for (String dlq : List.of("members-service.dlq", "activities-service.dlq")) {
        List<ConsumerRecord<String, String>> dead;
        try {
          dead =
              kafka.awaitRecords(
                  dlq,
                  r -> r.key() != null && (r.key().equals(futureType) || r.key().equals(building)),
                  1,
                  Duration.ofSeconds(3));
        } catch (AssertionError noTopic) {
          dead = List.of(); // nothing was ever dead-lettered: the topic does not exist
        }
        assertThat(dead).as(dlq).isEmpty();
      }
    }
  }

  private static Map<String, String> headers(String type, String aggregateType, String key) {
    return Map.of(
        "ce_specversion",
        "1.0",
        "ce_id",
        java.util.UUID.randomUUID().toString(),
        "ce_type",
        type,
        "ce_source",
        "/branches-service",
        "ce_time",
        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString(),
        "ce_subject",
        key,
        "ce_aggregatetype",
        aggregateType,
        "ce_aggregateversion",
        "0",
        "content-type",
        "application/json");
  }
}
