package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.domain.RuleViolation;

/** A building branch (樓幢党支部) or joint branch (联合支部): branch data of an org unit. */
@Entity
@Table(name = "branch")
public class Branch {
  /** Same id as its org unit. */
  @Id public UUID id;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OrgKind kind;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BranchStatus status;

  @Column(name = "established_on", nullable = false)
  public LocalDate establishedOn;

  @Column(name = "dissolved_on")
  public LocalDate dissolvedOn;

  @Column(name = "dissolved_reason")
  public String dissolvedReason;

  @Column(name = "merged_into")
  public UUID mergedInto;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  /** Touched on every change that publishes a Branch event, so the version grows with each. */
  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Version public long version;

  protected Branch() {}

  public Branch(OrgUnit unit, LocalDate establishedOn) {
    if (!unit.kind.isBranch()) {
      throw new RuleViolation("kind", "A branch must be a BUILDING_BRANCH or JOINT_BRANCH");
    }
    this.id = unit.id;
    this.communityId = unit.communityId;
    this.kind = unit.kind;
    this.name = unit.name;
    this.status = BranchStatus.ACTIVE;
    this.establishedOn = establishedOn;
    this.createdAt = OffsetDateTime.now();
    this.updatedAt = createdAt;
  }

  /** Marks a change, so the next flush increments the version (one per Branch event). */
  public void touch() {
    this.updatedAt = OffsetDateTime.now();
  }

  public boolean active() {
    return status == BranchStatus.ACTIVE;
  }

  public void requireActive() {
    if (!active()) {
      throw new RuleViolation("id", "Branch " + id + " is dissolved");
    }
  }

  public void dissolve(LocalDate on, String reason, UUID mergedInto) {
    requireActive();
    if (on.isBefore(establishedOn)) {
      throw new RuleViolation(
          "dissolvedOn", "A branch cannot be dissolved before it was established");
    }
    this.status = BranchStatus.DISSOLVED;
    this.dissolvedOn = on;
    this.dissolvedReason = reason;
    this.mergedInto = mergedInto;
    touch();
  }
}
