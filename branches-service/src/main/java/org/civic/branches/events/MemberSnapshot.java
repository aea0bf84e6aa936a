package org.civic.branches.events;

import java.util.UUID;
import org.civic.branches.domain.Category;
import org.civic.branches.domain.MemberStatus;
import org.civic.branches.domain.Standing;

/** The member snapshot carried by every members.events type, as far as this service needs it. */
public record MemberSnapshot(
    UUID memberId,
    String name,
    Standing standing,
    Category category,
    MemberStatus status,
    UUID communityId,
    UUID buildingId,
    UUID householdId) {}
