package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A party member as members-service last reported them (snapshot of members.events). */
@Entity
@Table(name = "resident")
public class Resident {
  @Id
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "building_id")
  public UUID buildingId;

  @Column(name = "household_id")
  public UUID householdId;

  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Standing standing;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MemberStatus status;

  @Column(name = "community_id")
  public UUID communityId;

  /** aggregateVersion of the member event this snapshot came from. */
  @Column(name = "member_version", nullable = false)
  public long memberVersion;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  protected Resident() {}

  public Resident(UUID memberId) {
    this.memberId = memberId;
    this.memberVersion = -1;
  }

  /**
   * Applies a snapshot with the given aggregate version; a version not newer than the one held (a
   * repeat or a stale event after a reorder) changes nothing.
   *
   * @return whether the snapshot was applied
   */
  public boolean apply(
      long version,
      UUID buildingId,
      UUID householdId,
      String name,
      Standing standing,
      Category category,
      MemberStatus status,
      UUID communityId) {
    if (version <= memberVersion) {
      return false;
    }
    this.memberVersion = version;
    this.buildingId = buildingId;
    this.householdId = householdId;
    this.name = name;
    this.standing = standing;
    this.category = category;
    this.status = status;
    this.communityId = communityId;
    this.updatedAt = OffsetDateTime.now();
    return true;
  }

  public boolean onRoster() {
    return status != null && status.onRoster() && buildingId != null;
  }
}
