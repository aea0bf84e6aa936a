package org.civic.activities.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.activities.domain.Visit;

/** Published when a visit is recorded (no notes: they may hold sensitive details). */
public record VisitRecorded(
    UUID visitId, UUID branchId, UUID householdId, OffsetDateTime visitedOn, UUID visitorMemberId) {
  public static final String TYPE = "VisitRecorded";

  public static VisitRecorded of(Visit v) {
    return new VisitRecorded(v.id, v.branchId, v.householdId, v.visitedAt, v.visitorMemberId);
  }
}
