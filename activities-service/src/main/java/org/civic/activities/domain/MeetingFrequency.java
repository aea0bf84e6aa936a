package org.civic.activities.domain;

/** How often a required meeting must be held: at least once per calendar period (Asia/Shanghai). */
public enum MeetingFrequency {
  MONTHLY,
  QUARTERLY,
  YEARLY
}
