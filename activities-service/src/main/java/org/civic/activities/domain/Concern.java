package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.domain.RuleViolation;

/** A resident's opinion, suggestion or difficulty (意见建议、困难问题), tracked to an outcome. */
@Entity
@Table(name = "concern")
public class Concern {
  @Id public UUID id;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Enumerated(EnumType.STRING)
  public ConcernCategory category;

  public String title;
  public String description;

  @Column(name = "raised_by_name")
  public String raisedByName;

  @Column(name = "raised_by_member_id")
  public UUID raisedByMemberId;

  @Column(name = "building_id")
  public UUID buildingId;

  @Column(name = "household_id")
  public UUID householdId;

  public String location;

  @Enumerated(EnumType.STRING)
  public ConcernStatus status = ConcernStatus.OPEN;

  @Column(name = "assignee_member_id")
  public UUID assigneeMemberId;

  public String resolution;

  @Enumerated(EnumType.STRING)
  @Column(name = "escalated_to")
  public EscalationLevel escalatedTo;

  @Column(name = "escalation_note")
  public String escalationNote;

  @Column(name = "raised_at")
  public OffsetDateTime raisedAt;

  @Column(name = "assigned_at")
  public OffsetDateTime assignedAt;

  @Column(name = "resolved_at")
  public OffsetDateTime resolvedAt;

  @Column(name = "escalated_at")
  public OffsetDateTime escalatedAt;

  @Version public long version;

  public void assign(UUID memberId, OffsetDateTime at) {
    move(ConcernStatus.ASSIGNED);
    assigneeMemberId = memberId;
    assignedAt = at;
  }

  public void resolve(String resolution, OffsetDateTime at) {
    if (resolution == null || resolution.isBlank()) {
      throw new RuleViolation("resolution", "Say how the concern was resolved");
    }
    move(ConcernStatus.RESOLVED);
    this.resolution = resolution.trim();
    resolvedAt = at;
  }

  public void escalate(EscalationLevel level, String note, OffsetDateTime at) {
    if (level == null) {
      throw new RuleViolation("escalatedTo", "Name COMMUNITY or STREET");
    }
    move(ConcernStatus.ESCALATED);
    escalatedTo = level;
    escalationNote = note == null || note.isBlank() ? null : note.trim();
    escalatedAt = at;
  }

  private void move(ConcernStatus next) {
    if (!status.canMoveTo(next)) {
      throw new RuleViolation("status", "A concern that is " + status + " cannot become " + next);
    }
    status = next;
  }
}
