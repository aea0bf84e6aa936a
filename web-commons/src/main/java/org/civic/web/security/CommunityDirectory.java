package org.civic.web.security;

import java.util.Set;
import java.util.UUID;

/**
 * What a service knows of the organisation tree, to resolve a caller's scope: the communities under
 * an org unit. branches-service answers from its own tree; the other services from the org paths
 * carried by BuildingRegistered ({@link StoredCommunityDirectory}).
 */
public interface CommunityDirectory {

  /** The communities at or under this org unit (a street: its communities; a community: itself). */
  Set<UUID> communitiesUnder(UUID orgUnitId);
}
