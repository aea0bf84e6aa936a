package org.civic.branches.events;

import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.Building;

/**
 * Payload of BuildingRegistered on branches.events: a snapshot of the new building.
 *
 * @param orgPath the org unit ids from the root (street working committee) down to and including
 *     the building's community, so consumers can resolve street-level scopes (added in issue 7)
 */
public record BuildingRegistered(
    UUID buildingId, UUID communityId, String name, int units, String address, List<UUID> orgPath) {
  public static final String TYPE = "BuildingRegistered";

  public static BuildingRegistered of(Building b, List<UUID> orgPath) {
    return new BuildingRegistered(
        b.id, b.communityId, b.name, b.units, b.address, List.copyOf(orgPath));
  }
}
