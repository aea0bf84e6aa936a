package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A branch as branches-service announced it; read-only here. */
@Entity
@Table(name = "branch_view")
public class BranchView {
  public static final String ACTIVE = "ACTIVE";
  public static final String DISSOLVED = "DISSOLVED";

  @Id
  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  public String name;
  public String kind;
  public String status;

  /** Covered buildings as ",id1,id2,". */
  @Column(name = "building_ids")
  public String buildingIds = ",";

  @Column(name = "branch_version")
  public long branchVersion;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public boolean covers(UUID buildingId) {
    return buildingId != null && buildingIds.contains("," + buildingId + ",");
  }
}
