package org.civic.branches.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The branch a member is on now (null: none). {@code version} is the RosterEntry aggregate version
 * of RosterChanged: it grows by one per event, so a member's LEFT and JOINED keep their order.
 */
@Entity
@Table(name = "roster_entry")
public class RosterEntry {
  @Id
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Column(nullable = false)
  public long version;

  protected RosterEntry() {}
}
