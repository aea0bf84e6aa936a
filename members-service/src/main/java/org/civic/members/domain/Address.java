package org.civic.members.domain;

import java.util.UUID;

/** A residence: building (樓幢), unit (单元) and room (室). */
public record Address(UUID buildingId, String unit, String room) {
  public Address {
    unit = unit == null ? null : unit.trim();
    room = room == null ? null : room.trim();
  }
}
