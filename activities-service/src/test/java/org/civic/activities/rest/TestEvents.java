package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.civic.eventing.CloudEventHeaders;
import org.civic.eventing.EventEnvelope;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/**
 * Publishes members.events and branches.events as members-service and branches-service would: key =
 * aggregate id, CloudEvents binary-mode headers, payloads as in docs/events.md.
 */
final class TestEvents {
  private static KafkaTestClient kafka;
  private static final AtomicLong VERSIONS = new AtomicLong(1);

  private TestEvents() {}

  static synchronized KafkaTestClient kafka() {
    if (kafka == null) {
      kafka = new KafkaTestClient();
    }
    return kafka;
  }

  /** A strictly increasing version, shared by all aggregates (only "newer" matters). */
  static long nextVersion() {
    return VERSIONS.incrementAndGet();
  }

  static void send(
      String topic, String key, String type, String aggregateType, long version, String json) {
    send(topic, key, type, aggregateType, version, json, UUID.randomUUID());
  }

  static void send(
      String topic,
      String key,
      String type,
      String aggregateType,
      long version,
      String json,
      UUID eventId) {
    String source = topic.startsWith("members") ? "members-service" : "branches-service";
    kafka()
        .send(
            topic,
            key,
            json,
            CloudEventHeaders.of(
                new EventEnvelope(
                    eventId,
                    type,
                    OffsetDateTime.now(ZoneOffset.UTC),
                    aggregateType,
                    key,
                    version,
                    source,
                    null)));
  }

  /** A building of a community in the demo street (so the default street admin sees it). */
  static void buildingRegistered(UUID building, UUID community, String name) {
    buildingRegistered(building, community, Tokens.DEMO_STREET, name);
  }

  /** A building of a community in the given street (orgPath [street, community]). */
  static void buildingRegistered(UUID building, UUID community, UUID street, String name) {
    send(
        "branches.events",
        building.toString(),
        "BuildingRegistered",
        "Building",
        nextVersion(),
        """
        {"buildingId":"%s","communityId":"%s","name":"%s","units":3,"address":"金贡里",
         "orgPath":["%s","%s"]}
        """
            .formatted(building, community, name, street, community));
  }

  static void branchEstablished(UUID branch, UUID community, String name, UUID... buildings) {
    String ids =
        Arrays.stream(buildings).map(b -> "\"" + b + "\"").collect(Collectors.joining(","));
    send(
        "branches.events",
        branch.toString(),
        "BranchEstablished",
        "Branch",
        nextVersion(),
        """
        {"branchId":"%s","communityId":"%s","name":"%s","kind":"BUILDING_BRANCH",
         "buildingIds":[%s],"establishedOn":"2026-01-05"}
        """
            .formatted(branch, community, name, ids));
  }

  static String memberSnapshot(
      UUID member, String name, UUID community, UUID building, UUID household, String... tags) {
    String tagList = Arrays.stream(tags).map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
    return """
        {"memberId":"%s","name":"%s","gender":"FEMALE","birthDate":"1948-03-02",
         "standing":"FULL","category":"RETIRED","status":"ACTIVE","communityId":"%s",
         "buildingId":"%s","unit":"2","room":"301","householdId":"%s","specialties":[%s]}
        """
        .formatted(member, name, community, building, household, tagList);
  }

  static void memberRegistered(
      UUID member, String name, UUID community, UUID building, UUID household, String... tags) {
    send(
        "members.events",
        member.toString(),
        "MemberRegistered",
        "Member",
        nextVersion(),
        memberSnapshot(member, name, community, building, household, tags));
  }

  static void rosterChanged(
      UUID member,
      UUID branch,
      String change,
      String reason,
      String name,
      UUID household,
      UUID building,
      UUID community,
      long version) {
    send(
        "branches.events",
        member.toString(),
        "RosterChanged",
        "RosterEntry",
        version,
        """
        {"memberId":"%s","branchId":"%s","change":"%s","reason":"%s","memberName":"%s",
         "householdId":"%s","buildingId":"%s","standing":"FULL","category":"RETIRED",
         "communityId":"%s"}
        """
            .formatted(member, branch, change, reason, name, household, building, community));
  }

  static void awaitOnRoster(UUID branch, UUID... members) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              var then =
                  given()
                      .auth()
                      .oauth2(TestTokens.streetAdmin())
                      .get("/api/v1/branches/" + branch + "/roster")
                      .then()
                      .statusCode(200);
              for (UUID m : members) {
                then.body("memberId", hasItem(m.toString()));
              }
            });
  }

  static void awaitOffRoster(UUID branch, UUID member) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.streetAdmin())
                    .get("/api/v1/branches/" + branch + "/roster")
                    .then()
                    .statusCode(200)
                    .body("memberId", not(hasItem(member.toString()))));
  }

  /**
   * A community with one building, its branch, and one household whose members are on its roster.
   */
  record World(UUID community, UUID building, UUID branch, UUID household, List<UUID> members) {
    UUID member(int i) {
      return members.get(i);
    }
  }

  static World world(int householdMembers, String... tags) {
    UUID community = UUID.randomUUID();
    UUID building = UUID.randomUUID();
    UUID branch = UUID.randomUUID();
    UUID household = UUID.randomUUID();
    buildingRegistered(building, community, "3号楼");
    branchEstablished(branch, community, "3号楼党支部", building);
    List<UUID> members = new java.util.ArrayList<>();
    for (int i = 0; i < householdMembers; i++) {
      UUID m = UUID.randomUUID();
      members.add(m);
      String name = "党员" + i;
      memberRegistered(m, name, community, building, household, tags);
      rosterChanged(
          m, branch, "JOINED", "REGISTERED", name, household, building, community, nextVersion());
    }
    awaitOnRoster(branch, members.toArray(UUID[]::new));
    return new World(community, building, branch, household, members);
  }
}
