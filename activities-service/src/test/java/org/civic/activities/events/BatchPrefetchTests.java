package org.civic.activities.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.eventing.CloudEventHeaders;
import org.civic.eventing.EventEnvelope;
import org.civic.eventing.inbox.EventHandler;
import org.civic.eventing.inbox.EventInbox;
import org.civic.localinfra.LocalInfraTestResource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A poll of member events and one of roster events, applied with the batch's rows loaded up front
 * (ADR 0008): the statements do not grow by several per event, and the result is the one
 * event-by-event consumption gives.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class BatchPrefetchTests {
  static final int MEMBERS = 40;

  @Inject EventInbox inbox;
  @Inject MembersEventsConsumer membersConsumer;
  @Inject BranchesEventsConsumer branchesConsumer;
  @Inject EntityManagerFactory factory;
  @Inject DataSource dataSource;

  @Test
  void aBatchOfMemberEventsTakesAFewStatements() throws Exception {
    long prefetched = applyMemberBatch(membersConsumer);
    long eventByEvent = applyMemberBatch(membersConsumer::apply); // a plain handler: no prefetch
    System.out.printf(
        "members.events, a batch of %d events: %d statements with prefetch, %d event by event%n",
        MEMBERS + 2, prefetched, eventByEvent);
    // With prefetch: the views' select and the flush's insert and update batches. Event by event:
    // a select and a write per event.
    assertThat(prefetched).isLessThanOrEqualTo(5);
    assertThat(eventByEvent).isGreaterThan(2 * MEMBERS);
  }

  @Test
  void aBatchOfRosterChangesTakesAFewStatements() throws Exception {
    long prefetched = applyRosterBatch(branchesConsumer);
    long eventByEvent = applyRosterBatch(branchesConsumer::apply);
    System.out.printf(
        "branches.events, a batch of %d events: %d statements with prefetch, %d event by event%n",
        MEMBERS + 3, prefetched, eventByEvent);
    // With prefetch: assignments locked, open history, a few sequence calls (50 ids each), the
    // flush's insert and update batches. Event by event: the assignment (locked), the open
    // history, the inserts, per event.
    assertThat(prefetched).isLessThanOrEqualTo(10);
    assertThat(eventByEvent).isGreaterThan(3 * MEMBERS);
  }

  /** New members registered, one of them updated, a stale repeat of another: one poll. */
  private long applyMemberBatch(EventHandler handler) throws Exception {
    UUID community = UUID.randomUUID();
    List<UUID> members = new ArrayList<>();
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      UUID member = UUID.randomUUID();
      members.add(member);
      batch.add(memberRecord(batch.size(), "MemberRegistered", member, 1, community, "名" + i));
    }
    batch.add(memberRecord(batch.size(), "MemberUpdated", members.get(0), 2, community, "新名"));
    batch.add(memberRecord(batch.size(), "MemberUpdated", members.get(1), 1, community, "旧名"));
    long statements = statementsOf(() -> inbox.processBatch(batch, handler));

    assertThat(memberView(members.get(0))).isEqualTo("新名 2");
    assertThat(memberView(members.get(1))).isEqualTo("名1 1");
    for (int i = 2; i < MEMBERS; i++) {
      assertThat(memberView(members.get(i))).isEqualTo("名" + i + " 1");
    }
    return statements;
  }

  /**
   * New members join a branch; later in the same poll one leaves, one moves to another branch: the
   * history closes and opens as event by event.
   */
  private long applyRosterBatch(EventHandler handler) throws Exception {
    UUID community = UUID.randomUUID();
    UUID branch = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    List<UUID> members = new ArrayList<>();
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      UUID member = UUID.randomUUID();
      members.add(member);
      batch.add(rosterRecord(batch.size(), member, 1, branch, "JOINED", community));
    }
    batch.add(rosterRecord(batch.size(), members.get(0), 2, branch, "LEFT", community));
    batch.add(rosterRecord(batch.size(), members.get(1), 2, branch, "LEFT", community));
    batch.add(rosterRecord(batch.size(), members.get(1), 3, other, "JOINED", community));
    long statements = statementsOf(() -> inbox.processBatch(batch, handler));

    assertThat(assignment(members.get(0))).isEqualTo("null 2");
    assertThat(history(members.get(0))).containsExactly(branch + " closed");
    assertThat(assignment(members.get(1))).isEqualTo(other + " 3");
    assertThat(history(members.get(1))).containsExactly(branch + " closed", other + " open");
    for (UUID member : members.subList(2, MEMBERS)) {
      assertThat(assignment(member)).isEqualTo(branch + " 1");
      assertThat(history(member)).containsExactly(branch + " open");
    }
    return statements;
  }

  /**
   * The statements {@code work} prepared on this thread (Hibernate's statistics would count the
   * relay's too), checked against Hibernate's prepare count, which can only be as high or higher.
   */
  private long statementsOf(Runnable work) {
    Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();
    long before = stats.getPrepareStatementCount();
    long mine = ThreadStatements.count();
    work.run();
    long statements = ThreadStatements.count() - mine;
    assertThat(stats.getPrepareStatementCount() - before).isGreaterThanOrEqualTo(statements);
    return statements;
  }

  private String memberView(UUID member) throws Exception {
    return row("select name || ' ' || member_version from member_view where member_id = ?", member)
        .get(0);
  }

  private String assignment(UUID member) throws Exception {
    return row(
            "select coalesce(branch_id::text, 'null') || ' ' || roster_version"
                + " from roster_assignment where member_id = ?",
            member)
        .get(0);
  }

  /** The member's history entries, "branch open|closed", in order of opening. */
  private List<String> history(UUID member) throws Exception {
    return row(
        "select branch_id || case when to_time is null then ' open' else ' closed' end"
            + " from roster_history where member_id = ? order by id",
        member);
  }

  private List<String> row(String sql, UUID member) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, member);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static ConsumerRecord<String, String> memberRecord(
      long offset, String type, UUID member, long version, UUID community, String name) {
    String json =
        String.format(
            "{\"memberId\":\"%s\",\"name\":\"%s\",\"standing\":\"FULL\",\"category\":\"RETIRED\","
                + "\"status\":\"ACTIVE\",\"communityId\":\"%s\",\"buildingId\":\"%s\","
                + "\"unit\":\"1\",\"room\":\"101\",\"householdId\":\"%s\",\"specialties\":[]}",
            member, name, community, UUID.randomUUID(), member);
    return record("members.events.direct", offset, type, "Member", member, version, json);
  }

  private static ConsumerRecord<String, String> rosterRecord(
      long offset, UUID member, long version, UUID branch, String change, UUID community) {
    String json =
        String.format(
            "{\"memberId\":\"%s\",\"branchId\":\"%s\",\"change\":\"%s\",\"reason\":\"REGISTERED\","
                + "\"memberName\":\"名\",\"householdId\":\"%s\",\"buildingId\":\"%s\","
                + "\"standing\":\"FULL\",\"category\":\"RETIRED\",\"communityId\":\"%s\"}",
            member, branch, change, member, UUID.randomUUID(), community);
    return record(
        "branches.events.direct", offset, "RosterChanged", "RosterEntry", member, version, json);
  }

  private static ConsumerRecord<String, String> record(
      String topic,
      long offset,
      String type,
      String aggregateType,
      UUID member,
      long version,
      String json) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(topic, 0, offset, member.toString(), json);
    CloudEventHeaders.write(
        new EventEnvelope(
            UUID.randomUUID(),
            type,
            OffsetDateTime.parse("2026-11-30T08:00:00Z"),
            aggregateType,
            member.toString(),
            version,
            topic.startsWith("members") ? "members-service" : "branches-service",
            null),
        record.headers());
    return record;
  }
}
