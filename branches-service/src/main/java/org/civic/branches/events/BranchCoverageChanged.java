package org.civic.branches.events;

import java.util.List;
import java.util.UUID;

/** Payload of BranchCoverageChanged (key branchId, aggregate Branch). */
public record BranchCoverageChanged(
    UUID branchId, UUID communityId, List<UUID> buildingIds, List<UUID> added, List<UUID> removed) {
  public static final String TYPE = "BranchCoverageChanged";
}
