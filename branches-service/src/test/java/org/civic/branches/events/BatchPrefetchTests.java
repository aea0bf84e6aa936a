package org.civic.branches.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.branches.Fixtures.awaitResidents;
import static org.civic.branches.Fixtures.branch;
import static org.civic.branches.Fixtures.building;
import static org.civic.branches.Fixtures.community;
import static org.civic.branches.Fixtures.fullMembers;
import static org.civic.branches.Fixtures.snapshot;

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
 * A batch of member events applied with the batch's residents and roster entries loaded up front
 * (ADR 0008): the statements of the batch do not grow by several per event, and the result is the
 * one event-by-event consumption gives.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class BatchPrefetchTests {
  static final int MEMBERS = 40;

  @Inject EventInbox inbox;
  @Inject MembersEventsConsumer consumer;
  @Inject EntityManagerFactory factory;
  @Inject DataSource dataSource;

  @Test
  void aBatchOfRegistrationsTakesAFewStatementsForTheWholeBatch() throws Exception {
    long[] prefetched = applyABatchCounting(consumer);
    long[] eventByEvent = applyABatchCounting(consumer::apply); // a plain handler: no prefetch
    System.out.printf(
        "a batch of %d events: %d Hibernate statements and %d outbox inserts with prefetch,"
            + " %d and %d event by event%n",
        MEMBERS + 3, prefetched[0], prefetched[1], eventByEvent[0], eventByEvent[1]);

    // With prefetch: a few for the batch, none per event (ADR 0014: the batch's coverage is read
    // once after its locks; the inbox insert is plain JDBC, not counted here). Event by event:
    // resident, entry (select, insert), coverage and the flush's writes, per event.
    assertThat(prefetched[0]).isLessThan(15);
    assertThat(eventByEvent[0]).isGreaterThan(3 * MEMBERS);
    // The batch's 42 RosterChanged go to the outbox together (one JDBC batch, which the driver
    // rewrites into a few multi-row inserts), not with one insert per event.
    assertThat(prefetched[1]).isLessThan(8);
    assertThat(eventByEvent[1]).isGreaterThanOrEqualTo(MEMBERS + 2);
  }

  /**
   * {@link #applyABatch}, returning the statements Hibernate ran for the batch and the insert
   * statements the outbox table saw meanwhile (counted by a statement-level trigger, there only for
   * this count).
   */
  private long[] applyABatchCounting(EventHandler handler) throws Exception {
    execute(
        "create sequence if not exists test_outbox_statements",
        "create or replace function test_count_outbox_statement() returns trigger"
            + " language plpgsql as $$ begin perform nextval('test_outbox_statements');"
            + " return null; end $$",
        "create trigger test_count_outbox_statements after insert on eventing_outbox"
            + " for each statement execute function test_count_outbox_statement()");
    try {
      long[] outbox = new long[1];
      long statements = applyABatch(handler, outbox);
      return new long[] {statements, outbox[0]};
    } finally {
      execute("drop trigger test_count_outbox_statements on eventing_outbox");
    }
  }

  private long outboxStatements() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select nextval('test_outbox_statements')");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String... sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  /**
   * A relocation alone in its poll (the named flow, one move at a time): the member's roster entry
   * is locked and their resident read in one statement, and the reconcile finds the entry locked in
   * the session (no second lock, no refresh).
   */
  @Test
  void aRelocationAloneLocksTheEntryAndReadsTheResidentInOneStatement() throws Exception {
    UUID community = community();
    UUID from = building(community, "搬出楼");
    UUID to = building(community, "搬入楼");
    fullMembers(community, from, 3);
    fullMembers(community, to, 3);
    awaitResidents(from, 3);
    awaitResidents(to, 3);
    UUID branchFrom = branch(community, "BUILDING_BRANCH", "搬出楼党支部", from);
    UUID branchTo = branch(community, "BUILDING_BRANCH", "搬入楼党支部", to);
    UUID member = UUID.randomUUID();
    inbox.processBatch(List.of(record(0, "MemberRegistered", member, 0, from, "ACTIVE")), consumer);
    assertThat(branchOf(member)).isEqualTo(branchFrom);
    Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();
    long before = stats.getPrepareStatementCount();

    inbox.processBatch(List.of(record(1, "MemberRelocated", member, 1, to, "ACTIVE")), consumer);

    // The inbox row, the entry locked with the resident, the coverage (after the lock), the
    // resident's and the entry's updates; the outbox row is plain JDBC (not counted). Was 6: the
    // resident and the entry's lock were two statements.
    assertThat(stats.getPrepareStatementCount() - before).isEqualTo(5);
    assertThat(branchOf(member)).isEqualTo(branchTo);
    assertThat(rosterEvents(member)).containsExactly("JOINED 1", "LEFT 2", "JOINED 3");
    assertThat(memberVersion(member)).isEqualTo(1);
  }

  /**
   * Applies one batch of new members' events as one poll; returns the statements Hibernate ran, and
   * puts the outbox's insert statements of the poll into {@code outbox[0]}.
   */
  private long applyABatch(EventHandler handler, long[] outbox) throws Exception {
    UUID community = community();
    UUID covered = building(community, "批量楼");
    UUID other = building(community, "批量二楼");
    fullMembers(community, covered, 3);
    awaitResidents(covered, 3);
    UUID branch = branch(community, "BUILDING_BRANCH", "批量楼党支部", covered);
    List<UUID> members = new ArrayList<>();
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      UUID member = UUID.randomUUID();
      members.add(member);
      batch.add(record(batch.size(), "MemberRegistered", member, 0, covered, "ACTIVE"));
    }
    // Later events of members registered earlier in the same batch: one moves to an uncovered
    // building (LEFT), one is deceased (LEFT), one is updated without a change of branch.
    batch.add(record(batch.size(), "MemberRelocated", members.get(0), 1, other, "ACTIVE"));
    batch.add(record(batch.size(), "MemberStatusChanged", members.get(1), 1, covered, "DECEASED"));
    batch.add(record(batch.size(), "MemberUpdated", members.get(2), 1, covered, "ACTIVE"));
    Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();
    long outboxBefore = outboxStatements();
    long before = stats.getPrepareStatementCount();

    inbox.processBatch(batch, handler);

    long statements = stats.getPrepareStatementCount() - before;
    // Each read takes a value of its own: one of the difference is the second read's.
    outbox[0] = outboxStatements() - outboxBefore - 1;
    assertThat(branchOf(members.get(0))).isNull();
    assertThat(branchOf(members.get(1))).isNull();
    for (UUID member : members.subList(2, MEMBERS)) {
      assertThat(branchOf(member)).isEqualTo(branch);
    }
    assertThat(rosterEvents(members.get(0))).containsExactly("JOINED 1", "LEFT 2");
    assertThat(rosterEvents(members.get(1))).containsExactly("JOINED 1", "LEFT 2");
    assertThat(rosterEvents(members.get(2))).containsExactly("JOINED 1");
    assertThat(memberVersion(members.get(2))).isEqualTo(1);
    return statements;
  }

  private UUID branchOf(UUID member) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select branch_id from roster_entry where member_id = ?")) {
      s.setObject(1, member);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  private long memberVersion(UUID member) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select member_version from resident where member_id = ?")) {
      s.setObject(1, member);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  /** The member's RosterChanged events in the outbox, as "change version", in version order. */
  private List<String> rosterEvents(UUID member) throws Exception {
    List<String> events = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select payload->>'change', aggregate_version from eventing_outbox"
                    + " where aggregate_id = ? and event_type = 'RosterChanged'"
                    + " order by aggregate_version")) {
      s.setString(1, member.toString());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          events.add(rs.getString(1) + " " + rs.getLong(2));
        }
      }
    }
    return events;
  }

  private static ConsumerRecord<String, String> record(
      long offset, String type, UUID member, long version, UUID building, String status) {
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(
            "members.events.direct",
            0,
            offset,
            member.toString(),
            snapshot(member, UUID.randomUUID(), building, "FULL", status));
    CloudEventHeaders.write(
        new EventEnvelope(
            UUID.randomUUID(),
            type,
            OffsetDateTime.parse("2026-11-30T08:00:00Z"),
            "Member",
            member.toString(),
            version,
            "members-service",
            null),
        record.headers());
    return record;
  }
}
