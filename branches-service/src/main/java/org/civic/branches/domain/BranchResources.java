package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Support resources of a branch (保障措施): activity room, funding, "three plaques and one board"
 * (三牌一板), "one bookcase, one ledger, one record book" (一櫥一帳一簿), subscriptions.
 */
@Entity
@Table(name = "branch_resources")
public class BranchResources {
  @Id
  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(name = "activity_room", nullable = false)
  public boolean activityRoom;

  @Column(name = "room_area_m2")
  public BigDecimal roomAreaM2;

  @Column(name = "yearly_funding_yuan")
  public BigDecimal yearlyFundingYuan;

  @Column(name = "branch_plaque", nullable = false)
  public boolean branchPlaque;

  @Column(name = "party_member_home_plaque", nullable = false)
  public boolean partyMemberHomePlaque;

  @Column(nullable = false)
  public boolean sign;

  @Column(name = "work_systems_board", nullable = false)
  public boolean workSystemsBoard;

  @Column(nullable = false)
  public boolean bookcase;

  @Column(nullable = false)
  public boolean ledger;

  @Column(name = "record_book", nullable = false)
  public boolean recordBook;

  /** Newspapers and journals subscribed, comma separated. */
  public String subscriptions;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Version public long version;

  protected BranchResources() {}

  public BranchResources(Branch branch) {
    this.branchId = branch.id;
    this.communityId = branch.communityId;
    this.updatedAt = OffsetDateTime.now();
  }

  /** Completeness 0-100, see {@link ResourceRules#score}. */
  public int completeness() {
    return ResourceRules.score(this);
  }
}
