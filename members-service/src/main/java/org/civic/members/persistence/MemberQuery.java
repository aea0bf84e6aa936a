package org.civic.members.persistence;

import java.util.UUID;
import org.civic.members.domain.Category;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.Standing;

/** Filters of the member search; null means "any". */
public record MemberQuery(
    UUID communityId,
    UUID buildingId,
    UUID householdId,
    UUID branchId,
    Category category,
    Standing standing,
    MemberStatus status,
    String specialty,
    Integer minAge,
    Integer maxAge,
    String q,
    Integer lostContactSinceMonths) {

  public static MemberQuery inBuilding(UUID buildingId) {
    return new MemberQuery(
        null, buildingId, null, null, null, null, null, null, null, null, null, null);
  }

  public static MemberQuery inCommunity(UUID communityId) {
    return new MemberQuery(
        communityId, null, null, null, null, null, null, null, null, null, null, null);
  }

  public static MemberQuery inHousehold(UUID householdId) {
    return new MemberQuery(
        null, null, householdId, null, null, null, null, null, null, null, null, null);
  }
}
