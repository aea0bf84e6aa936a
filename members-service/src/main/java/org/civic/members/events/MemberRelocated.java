package org.civic.members.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;
import org.civic.members.domain.Member;
import org.civic.members.domain.ResidenceChange;

/** MemberRelocated on members.events: the snapshot (new residence) plus from, to, effectiveAt. */
public record MemberRelocated(
    @JsonUnwrapped MemberSnapshot member, Residence from, Residence to, Instant effectiveAt) {
  public static final String TYPE = "MemberRelocated";

  /** One side of the move. */
  public record Residence(UUID buildingId, String unit, String room, UUID householdId) {}

  public static MemberRelocated of(Member m, ResidenceChange change) {
    return new MemberRelocated(
        MemberSnapshot.of(m),
        new Residence(
            change.fromBuildingId, change.fromUnit, change.fromRoom, change.fromHouseholdId),
        new Residence(change.toBuildingId, change.toUnit, change.toRoom, change.toHouseholdId),
        change.effectiveAt.toInstant());
  }
}
