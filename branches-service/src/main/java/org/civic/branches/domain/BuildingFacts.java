package org.civic.branches.domain;

import java.util.UUID;

/**
 * What the branch rules need to know about a building: its community, the party members living
 * there (on-roster statuses) and the active branch covering it, if any.
 */
public record BuildingFacts(
    UUID buildingId,
    String name,
    UUID communityId,
    long fullMembers,
    long totalMembers,
    UUID coveringBranchId) {}
