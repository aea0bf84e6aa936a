package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Which branch's roster a member is on now (null after LEFT), from RosterChanged. */
@Entity
@Table(name = "roster_assignment")
public class RosterAssignment {
  @Id
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Column(name = "household_id")
  public UUID householdId;

  @Column(name = "building_id")
  public UUID buildingId;

  @Column(name = "member_name")
  public String memberName;

  @Column(name = "roster_version")
  public long rosterVersion;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;
}
