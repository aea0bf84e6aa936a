package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A building covered by an active branch; the building id is the key (at most one branch). */
@Entity
@Table(name = "branch_building")
public class BranchCoverage {
  @Id
  @Column(name = "building_id")
  public UUID buildingId;

  @Column(name = "branch_id", nullable = false)
  public UUID branchId;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  protected BranchCoverage() {}

  public BranchCoverage(UUID buildingId, UUID branchId, UUID communityId) {
    this.buildingId = buildingId;
    this.branchId = branchId;
    this.communityId = communityId;
  }
}
