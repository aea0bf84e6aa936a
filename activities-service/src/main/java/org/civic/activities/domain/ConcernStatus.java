package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * OPEN 待处理 → ASSIGNED 已分派 → RESOLVED 已解决; OPEN or ASSIGNED → ESCALATED 已上报. RESOLVED and ESCALATED
 * are final. An ASSIGNED concern may be reassigned.
 */
@Schema(
    description =
        "OPEN 待处理 → ASSIGNED 已分派 → RESOLVED 已解决; OPEN or ASSIGNED → ESCALATED 已上报. RESOLVED and ESCALATED are final. An ASSIGNED concern may be reassigned.")
public enum ConcernStatus {
  OPEN,
  ASSIGNED,
  RESOLVED,
  ESCALATED;

  public boolean canMoveTo(ConcernStatus next) {
    return switch (this) {
      case OPEN -> next == ASSIGNED || next == ESCALATED;
      case ASSIGNED -> next == ASSIGNED || next == RESOLVED || next == ESCALATED;
      case RESOLVED, ESCALATED -> false;
    };
  }

  public boolean isOpen() {
    return this == OPEN || this == ASSIGNED;
  }
}
