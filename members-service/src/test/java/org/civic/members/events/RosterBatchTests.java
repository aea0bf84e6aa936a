package org.civic.members.events;

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
import org.civic.members.rest.TestData;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A poll of RosterChanged applied as one batch (ADR 0008, ADR 0014): the members' branches end as
 * event-by-event consumption leaves them (a member's LEFT and JOINED in order, stale events
 * ignored), and the batch's updates go out as one JDBC batch after its last event instead of one
 * statement per event.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class RosterBatchTests {
  static final int MEMBERS = 20;

  @Inject EventInbox inbox;
  @Inject BranchesEventsConsumer consumer;
  @Inject EntityManagerFactory factory;
  @Inject DataSource dataSource;

  @Test
  void aBatchOfRosterChangesEndsAsEventByEventAndTakesNoStatementPerEvent() throws Exception {
    long[] statements = new long[1];
    List<UUID> batched = applyABatch(consumer, statements);
    long withBatch = statements[0];
    // A plain handler: a statement per event.
    List<UUID> oneByOne = applyABatch(consumer::apply, statements);
    long eventByEvent = statements[0];

    System.out.printf(
        "%d RosterChanged in one poll: %d Hibernate statements as a batch, %d event by event%n",
        3 * MEMBERS + 3, withBatch, eventByEvent);
    // The inbox's insert and the batch's updates are plain JDBC, one round trip each.
    assertThat(withBatch).isLessThan(5);
    assertThat(eventByEvent).isGreaterThan(3 * MEMBERS);
    for (List<UUID> run : List.of(batched, oneByOne)) {
      UUID branchA = run.get(0);
      UUID branchB = run.get(1);
      List<UUID> members = run.subList(2, run.size());
      // JOINED A (1), LEFT A (2), JOINED B (3); a stale JOINED A (2) and a LEFT naming another
      // branch (4) for the first member change nothing.
      for (UUID member : members) {
        assertThat(branchOf(member)).isEqualTo(branchB);
      }
      assertThat(rosterVersion(members.get(0))).isEqualTo(4);
      assertThat(rosterVersion(members.get(1))).isEqualTo(3);
    }
  }

  /**
   * Returns branch A, branch B and the members, after one poll of their roster changes; puts the
   * statements Hibernate ran for the poll into {@code statements[0]}.
   */
  private List<UUID> applyABatch(EventHandler handler, long[] statements) throws Exception {
    UUID branchA = UUID.randomUUID();
    UUID branchB = UUID.randomUUID();
    UUID building = knownBuilding();
    List<UUID> members = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      members.add(register(building, i));
    }
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    for (UUID member : members) {
      batch.add(roster(batch.size(), member, branchA, "JOINED", 1));
      batch.add(roster(batch.size(), member, branchA, "LEFT", 2));
      batch.add(roster(batch.size(), member, branchB, "JOINED", 3));
    }
    batch.add(roster(batch.size(), members.get(0), branchA, "JOINED", 2)); // stale
    batch.add(roster(batch.size(), members.get(0), branchA, "LEFT", 4)); // not the current branch
    batch.add(roster(batch.size(), members.get(1), branchB, "JOINED", 3)); // a repeat's version

    Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();
    long before = stats.getPrepareStatementCount();
    inbox.processBatch(batch, handler);
    statements[0] = stats.getPrepareStatementCount() - before;

    List<UUID> result = new ArrayList<>(List.of(branchA, branchB));
    result.addAll(members);
    return result;
  }

  private UUID knownBuilding() throws Exception {
    UUID building = UUID.randomUUID();
    UUID community = UUID.randomUUID();
    inbox.processBatch(
        List.of(
            record(
                0,
                "BuildingRegistered",
                "Building",
                building,
                0,
                """
                {"buildingId":"%s","communityId":"%s","name":"批量楼","units":4,"address":"金贡里",
                 "orgPath":["%s","%s"]}
                """
                    .formatted(
                        building,
                        community,
                        org.civic.localinfra.security.Tokens.DEMO_STREET,
                        community))),
        consumer);
    return building;
  }

  private static UUID register(UUID building, int room) {
    return UUID.fromString(
        TestData.register(TestData.memberJson("批量" + room, building, "1", Integer.toString(room))));
  }

  private UUID branchOf(UUID member) throws Exception {
    return column(member, "branch_id", UUID.class);
  }

  private long rosterVersion(UUID member) throws Exception {
    return column(member, "roster_version", Long.class);
  }

  private <T> T column(UUID member, String column, Class<T> type) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select " + column + " from member where id = ?")) {
      s.setObject(1, member);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getObject(1, type);
      }
    }
  }

  private static ConsumerRecord<String, String> roster(
      long offset, UUID member, UUID branch, String change, long version) {
    return record(
        offset,
        "RosterChanged",
        "RosterEntry",
        member,
        version,
        """
        {"memberId":"%s","branchId":"%s","change":"%s","reason":"REGISTERED","memberName":"x"}
        """
            .formatted(member, branch, change));
  }

  private static ConsumerRecord<String, String> record(
      long offset, String type, String aggregateType, UUID key, long version, String json) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>("branches.events.direct", 0, offset, key.toString(), json);
    CloudEventHeaders.write(
        new EventEnvelope(
            UUID.randomUUID(),
            type,
            OffsetDateTime.parse("2026-11-30T08:00:00Z"),
            aggregateType,
            key.toString(),
            version,
            "branches-service",
            null),
        record.headers());
    return record;
  }
}
