package org.civic.branches.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.branches.Fixtures.awaitResidents;
import static org.civic.branches.Fixtures.branch;
import static org.civic.branches.Fixtures.building;
import static org.civic.branches.Fixtures.community;
import static org.civic.branches.Fixtures.fullMembers;
import static org.civic.branches.Fixtures.roster;
import static org.civic.branches.Fixtures.sendMemberEvent;
import static org.civic.branches.Fixtures.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.civic.branches.Fixtures;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** members.events in, rosters and RosterChanged out, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class MemberEventsTests {
  @Inject DataSource dataSource;

  /** Two buildings with three full members each, each with its own branch. */
  record TwoBranches(UUID community, UUID buildingA, UUID buildingB, UUID branchA, UUID branchB) {}

  TwoBranches twoBranches() {
    UUID community = community();
    UUID a = building(community, "A楼");
    UUID b = building(community, "B楼");
    fullMembers(community, a, 3);
    fullMembers(community, b, 3);
    awaitResidents(a, 3);
    awaitResidents(b, 3);
    return new TwoBranches(
        community,
        a,
        b,
        branch(community, "BUILDING_BRANCH", "A楼党支部", a),
        branch(community, "BUILDING_BRANCH", "B楼党支部", b));
  }

  /** Waits until the consumer recorded the event as processed (in its inbox). */
  void awaitProcessed(UUID eventId) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Connection c = dataSource.getConnection();
                  PreparedStatement s =
                      c.prepareStatement(
                          "select count(*) from eventing_inbox where event_id = ?")) {
                s.setObject(1, eventId);
                try (ResultSet rs = s.executeQuery()) {
                  rs.next();
                  return rs.getLong(1) == 1;
                }
              }
            });
  }

  static List<ConsumerRecord<String, String>> rosterEvents(UUID member, int atLeast) {
    return Fixtures.kafka()
        .awaitRecords(
            "branches.events",
            r -> member.toString().equals(r.key()),
            atLeast,
            Duration.ofSeconds(30));
  }

  static final ObjectMapper JSON = new ObjectMapper();

  /** "change reason branchId" of a RosterChanged record. */
  static String summary(ConsumerRecord<String, String> r) {
    try {
      JsonNode n = JSON.readTree(r.value());
      return n.get("change").asText()
          + " "
          + n.get("reason").asText()
          + " "
          + n.get("branchId").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String relocated(UUID member, UUID community, UUID from, UUID to) {
    String s = snapshot(member, community, to, "FULL", "ACTIVE");
    return s.substring(0, s.lastIndexOf('}'))
        + ", \"from\": {\"buildingId\": \""
        + from
        + "\"}, \"to\": {\"buildingId\": \""
        + to
        + "\"}, \"effectiveAt\": \"2026-11-01T00:00:00Z\"}";
  }

  @Test
  void aRelocationMovesTheMemberBetweenTwoBranchesRosters() {
    TwoBranches t = twoBranches();
    UUID member = UUID.randomUUID();
    sendMemberEvent(
        "MemberRegistered",
        member,
        0,
        snapshot(member, t.community(), t.buildingA(), "FULL", "ACTIVE"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> roster(t.branchA()).contains(member.toString()));

    sendMemberEvent(
        "MemberRelocated",
        member,
        1,
        relocated(member, t.community(), t.buildingA(), t.buildingB()));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(roster(t.branchB())).contains(member.toString());
              assertThat(roster(t.branchA())).doesNotContain(member.toString());
            });

    List<ConsumerRecord<String, String>> events = rosterEvents(member, 3);
    assertThat(events).hasSize(3);
    assertThat(events)
        .extracting(r -> KafkaTestClient.header(r, "ce_type"))
        .containsOnly("RosterChanged");
    assertThat(events)
        .extracting(r -> KafkaTestClient.header(r, "ce_aggregateversion"))
        .containsExactly("1", "2", "3");
    assertThat(summary(events.get(0))).isEqualTo("JOINED REGISTERED " + t.branchA());
    assertThat(summary(events.get(1))).isEqualTo("LEFT RELOCATED " + t.branchA());
    assertThat(summary(events.get(2))).isEqualTo("JOINED RELOCATED " + t.branchB());
    assertThat(events.get(2).value()).doesNotContain("never-read").doesNotContain("phone");
    assertThat(KafkaTestClient.header(events.get(2), "ce_aggregatetype")).isEqualTo("RosterEntry");
  }

  @Test
  void replayingTheSameMemberEventsTwiceLeavesTheSameRosters() {
    TwoBranches t = twoBranches();
    UUID member = UUID.randomUUID();
    UUID e0 = UUID.randomUUID();
    UUID e1 = UUID.randomUUID();
    UUID e2 = UUID.randomUUID();
    String registered = snapshot(member, t.community(), t.buildingA(), "FULL", "ACTIVE");
    String moved = relocated(member, t.community(), t.buildingA(), t.buildingB());
    String lost = snapshot(member, t.community(), t.buildingB(), "FULL", "LOST_CONTACT");
    sendMemberEvent(e0, "MemberRegistered", member, 0, registered);
    sendMemberEvent(e1, "MemberRelocated", member, 1, moved);
    sendMemberEvent(e2, "MemberStatusChanged", member, 2, lost);
    awaitProcessed(e2);
    List<String> rosterA = roster(t.branchA());
    List<String> rosterB = roster(t.branchB());
    assertThat(rosterB).contains(member.toString());
    assertThat(rosterA).doesNotContain(member.toString());
    int eventsBefore = rosterEvents(member, 3).size();

    // The same records redelivered (same event ids), then replayed as new records (new ids).
    sendMemberEvent(e0, "MemberRegistered", member, 0, registered);
    sendMemberEvent(e1, "MemberRelocated", member, 1, moved);
    sendMemberEvent(e2, "MemberStatusChanged", member, 2, lost);
    sendMemberEvent("MemberRegistered", member, 0, registered);
    sendMemberEvent("MemberRelocated", member, 1, moved);
    UUID last = sendMemberEvent("MemberStatusChanged", member, 2, lost);
    awaitProcessed(last);

    assertThat(roster(t.branchA())).isEqualTo(rosterA);
    assertThat(roster(t.branchB())).isEqualTo(rosterB);
    assertThat(rosterEvents(member, eventsBefore)).hasSize(eventsBefore);
  }

  @Test
  void eventsArrivingOutOfOrderDoNotLeaveAStaleRoster() {
    TwoBranches t = twoBranches();
    UUID member = UUID.randomUUID();
    sendMemberEvent(
        "MemberRegistered",
        member,
        1,
        snapshot(member, t.community(), t.buildingA(), "FULL", "ACTIVE"));
    // version 3 (moved to B) overtakes version 2 (an older move back to A)
    sendMemberEvent(
        "MemberRelocated",
        member,
        3,
        relocated(member, t.community(), t.buildingA(), t.buildingB()));
    UUID stale =
        sendMemberEvent(
            "MemberRelocated",
            member,
            2,
            relocated(member, t.community(), t.buildingB(), t.buildingA()));
    awaitProcessed(stale);

    assertThat(roster(t.branchB())).contains(member.toString());
    assertThat(roster(t.branchA())).doesNotContain(member.toString());
    List<ConsumerRecord<String, String>> events = rosterEvents(member, 3);
    assertThat(events).hasSize(3);
    assertThat(summary(events.get(2))).isEqualTo("JOINED RELOCATED " + t.branchB());
  }

  @Test
  void leavingTheCommunityOrDyingTakesTheMemberOffTheRoster() {
    TwoBranches t = twoBranches();
    UUID member = UUID.randomUUID();
    sendMemberEvent(
        "MemberRegistered",
        member,
        0,
        snapshot(member, t.community(), t.buildingA(), "FULL", "ACTIVE"));
    String out = snapshot(member, t.community(), t.buildingA(), "FULL", "TRANSFERRED_OUT");
    UUID last =
        sendMemberEvent(
            "MemberStatusChanged",
            member,
            1,
            out.substring(0, out.lastIndexOf('}'))
                + ", \"previousStatus\": \"ACTIVE\", \"effectiveDate\": \"2026-11-01\", \"reason\": \"转出\"}");
    awaitProcessed(last);
    assertThat(roster(t.branchA())).doesNotContain(member.toString());
    List<ConsumerRecord<String, String>> events = rosterEvents(member, 2);
    assertThat(summary(events.get(1))).isEqualTo("LEFT STATUS_CHANGED " + t.branchA());
  }

  @Test
  void anEventThatCanNeverBeAppliedGoesToTheDeadLetterTopic() {
    UUID member = UUID.randomUUID();
    sendMemberEvent("MemberRegistered", member, 0, "{\"memberId\": \"" + member + "\"}");
    List<ConsumerRecord<String, String>> dead =
        Fixtures.kafka()
            .awaitRecords(
                "branches-service.dlq",
                r -> member.toString().equals(r.key()),
                1,
                Duration.ofSeconds(30));
    assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).contains("standing");
  }
}
