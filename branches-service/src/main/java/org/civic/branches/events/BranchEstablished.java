package org.civic.branches.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.OrgKind;

/** Payload of BranchEstablished (key branchId, aggregate Branch). */
public record BranchEstablished(
    UUID branchId,
    UUID communityId,
    String name,
    OrgKind kind,
    List<UUID> buildingIds,
    LocalDate establishedOn) {
  public static final String TYPE = "BranchEstablished";

  public static BranchEstablished of(Branch b, List<UUID> buildingIds) {
    return new BranchEstablished(b.id, b.communityId, b.name, b.kind, buildingIds, b.establishedOn);
  }
}
