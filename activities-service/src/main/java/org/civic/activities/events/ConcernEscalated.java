package org.civic.activities.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.activities.domain.Concern;

/** Published when a concern is escalated to the community or street (报告制度). */
public record ConcernEscalated(
    UUID concernId,
    UUID branchId,
    String escalatedTo,
    String category,
    OffsetDateTime escalatedAt) {
  public static final String TYPE = "ConcernEscalated";

  public static ConcernEscalated of(Concern c) {
    return new ConcernEscalated(
        c.id, c.branchId, c.escalatedTo.name(), c.category.name(), c.escalatedAt);
  }
}
