package org.civic.activities.domain;

/** SCHEDULED 已安排, HELD 已召开, CANCELLED 已取消. */
public enum ActivityStatus {
  SCHEDULED,
  HELD,
  CANCELLED
}
