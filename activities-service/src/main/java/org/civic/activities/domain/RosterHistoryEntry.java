package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member (of a household) on a branch's roster from {@code fromTime} until {@code toTime}. */
@Entity
@Table(name = "roster_history")
public class RosterHistoryEntry {
  // From a sequence, 50 ids per round trip (V4): an identity id is read back after each insert, so
  // every entry was its own round trip; with the id known up front, a flush's entries go out as
  // one JDBC batch.
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_history_seq")
  @SequenceGenerator(
      name = "roster_history_seq",
      sequenceName = "roster_history_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Column(name = "household_id")
  public UUID householdId;

  @Column(name = "from_time")
  public OffsetDateTime fromTime;

  @Column(name = "to_time")
  public OffsetDateTime toTime;

  public VisitRules.Duty toDuty() {
    return new VisitRules.Duty(
        householdId, branchId, fromTime.toInstant(), toTime == null ? null : toTime.toInstant());
  }
}
