package org.civic.branches.events;

import java.time.LocalDate;
import java.util.UUID;
import org.civic.branches.domain.Branch;

/** Payload of BranchDissolved (key branchId, aggregate Branch). */
public record BranchDissolved(
    UUID branchId, UUID communityId, LocalDate dissolvedOn, String reason, UUID mergedInto) {
  public static final String TYPE = "BranchDissolved";

  public static BranchDissolved of(Branch b) {
    return new BranchDissolved(b.id, b.communityId, b.dissolvedOn, b.dissolvedReason, b.mergedInto);
  }
}
