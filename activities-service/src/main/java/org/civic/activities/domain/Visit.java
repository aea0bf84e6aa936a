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

/** A visit (走访) of a household by a member of the responsible branch. */
@Entity
@Table(name = "visit")
public class Visit {
  @Id public UUID id;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Column(name = "household_id")
  public UUID householdId;

  @Column(name = "visitor_member_id")
  public UUID visitorMemberId;

  @Column(name = "visited_at")
  public OffsetDateTime visitedAt;

  @Enumerated(EnumType.STRING)
  public VisitKind kind;

  public String notes;

  @Column(name = "follow_up_needed")
  public boolean followUpNeeded;

  @Column(name = "follow_up_resolved")
  public boolean followUpResolved;

  @Column(name = "follow_up_note")
  public String followUpNote;

  @Column(name = "follow_up_resolved_at")
  public OffsetDateTime followUpResolvedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public long version;

  /** Records how a needed follow-up was resolved (or reopens it). */
  public void resolveFollowUp(boolean resolved, String note, OffsetDateTime at) {
    if (!followUpNeeded) {
      throw new RuleViolation("followUpResolved", "This visit needs no follow-up");
    }
    if (resolved && (note == null || note.isBlank())) {
      throw new RuleViolation("note", "Say how the follow-up was resolved");
    }
    followUpResolved = resolved;
    followUpNote = note == null || note.isBlank() ? null : note.trim();
    followUpResolvedAt = resolved ? at : null;
  }
}
