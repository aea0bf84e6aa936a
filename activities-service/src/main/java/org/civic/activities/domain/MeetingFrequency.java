package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How often a required meeting must be held: at least once per calendar period (Asia/Shanghai). */
@Schema(
    description =
        "How often a required meeting must be held, at least once per calendar period (Asia/Shanghai): MONTHLY — 每月, QUARTERLY — 每季度, YEARLY — 每年")
public enum MeetingFrequency {
  MONTHLY,
  QUARTERLY,
  YEARLY
}
