package org.civic.members.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One relocation (搬迁) of a member: from and to address, effective time. */
@Entity
@Table(name = "residence_history")
public class ResidenceChange {
  /** Generated at persist, so Hibernate knows the row is new without asking the database. */
  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  public UUID id;

  @Column(name = "member_id", nullable = false)
  public UUID memberId;

  /** The community the member lived in before the move. */
  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(name = "from_building_id", nullable = false)
  public UUID fromBuildingId;

  @Column(name = "from_unit", nullable = false)
  public String fromUnit;

  @Column(name = "from_room", nullable = false)
  public String fromRoom;

  @Column(name = "from_household_id", nullable = false)
  public UUID fromHouseholdId;

  @Column(name = "to_community_id", nullable = false)
  public UUID toCommunityId;

  @Column(name = "to_building_id", nullable = false)
  public UUID toBuildingId;

  @Column(name = "to_unit", nullable = false)
  public String toUnit;

  @Column(name = "to_room", nullable = false)
  public String toRoom;

  @Column(name = "to_household_id", nullable = false)
  public UUID toHouseholdId;

  @Column(name = "effective_at", nullable = false)
  public OffsetDateTime effectiveAt;

  @Column(name = "recorded_at", nullable = false)
  public OffsetDateTime recordedAt;

  protected ResidenceChange() {}

  /** Records a move; call before the member is moved (from = the member's current address). */
  public ResidenceChange(
      Member before, Household to, UUID toCommunityId, OffsetDateTime effectiveAt) {
    this.memberId = before.id;
    this.communityId = before.communityId;
    this.fromBuildingId = before.buildingId;
    this.fromUnit = before.unit;
    this.fromRoom = before.room;
    this.fromHouseholdId = before.householdId;
    this.toCommunityId = toCommunityId;
    this.toBuildingId = to.buildingId;
    this.toUnit = to.unit;
    this.toRoom = to.room;
    this.toHouseholdId = to.id;
    this.effectiveAt = effectiveAt;
    this.recordedAt = OffsetDateTime.now();
  }
}
