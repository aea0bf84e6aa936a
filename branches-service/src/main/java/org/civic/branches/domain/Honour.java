package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An honour awarded for a year, with the basis on which it was awarded. */
@Entity
@Table(name = "honour")
public class Honour {
  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public HonourKind kind;

  @Column(nullable = false)
  public int year;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "building_id")
  public UUID buildingId;

  @Column(name = "member_id")
  public UUID memberId;

  @Column(nullable = false)
  public String basis;

  @Column(name = "awarded_on", nullable = false)
  public LocalDate awardedOn;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  protected Honour() {}

  public Honour(
      HonourKind kind,
      int year,
      UUID communityId,
      UUID branchId,
      UUID buildingId,
      UUID memberId,
      String basis,
      LocalDate awardedOn) {
    AssessmentRules.checkYear(year);
    AssessmentRules.checkRecipient(kind, branchId, buildingId, memberId);
    this.id = UUID.randomUUID();
    this.kind = kind;
    this.year = year;
    this.communityId = communityId;
    this.branchId = branchId;
    this.buildingId = buildingId;
    this.memberId = memberId;
    this.basis = basis.trim();
    this.awardedOn = awardedOn;
    this.createdAt = OffsetDateTime.now();
  }
}
