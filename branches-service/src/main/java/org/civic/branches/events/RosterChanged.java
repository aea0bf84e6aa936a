package org.civic.branches.events;

import java.util.UUID;
import org.civic.branches.domain.Category;
import org.civic.branches.domain.Resident;
import org.civic.branches.domain.Standing;

/**
 * Payload of RosterChanged (key memberId, aggregate RosterEntry): a member joined or left a
 * branch's roster, and why. A move between two branches is LEFT (old) then JOINED (new).
 */
public record RosterChanged(
    UUID memberId,
    UUID branchId,
    Change change,
    Reason reason,
    String memberName,
    UUID householdId,
    UUID buildingId,
    Standing standing,
    Category category,
    UUID communityId) {
  public static final String TYPE = "RosterChanged";
  public static final String AGGREGATE = "RosterEntry";

  /** JOINED 加入, LEFT 离开. */
  public enum Change {
    JOINED,
    LEFT
  }

  /** What caused the change. */
  public enum Reason {
    REGISTERED,
    RELOCATED,
    STATUS_CHANGED,
    UPDATED,
    BRANCH_ESTABLISHED,
    COVERAGE_CHANGED,
    BRANCH_DISSOLVED
  }

  public static RosterChanged of(
      Resident r, UUID memberId, UUID branchId, Change change, Reason reason) {
    return r == null
        ? new RosterChanged(memberId, branchId, change, reason, null, null, null, null, null, null)
        : new RosterChanged(
            memberId,
            branchId,
            change,
            reason,
            r.name,
            r.householdId,
            r.buildingId,
            r.standing,
            r.category,
            r.communityId);
  }
}
