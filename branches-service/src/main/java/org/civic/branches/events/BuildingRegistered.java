package org.civic.branches.events;

import java.util.UUID;
import org.civic.branches.domain.Building;

/** Payload of BuildingRegistered on branches.events: a snapshot of the new building. */
public record BuildingRegistered(
    UUID buildingId, UUID communityId, String name, int units, String address) {
  public static final String TYPE = "BuildingRegistered";

  public static BuildingRegistered of(Building b) {
    return new BuildingRegistered(b.id, b.communityId, b.name, b.units, b.address);
  }
}
