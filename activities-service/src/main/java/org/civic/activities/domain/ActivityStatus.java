package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SCHEDULED 已安排, HELD 已召开, CANCELLED 已取消. */
@Schema(description = "SCHEDULED 已安排, HELD 已召开, CANCELLED 已取消.")
public enum ActivityStatus {
  SCHEDULED,
  HELD,
  CANCELLED
}
