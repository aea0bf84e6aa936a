package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Attendance of one expected attendee: PRESENT 出席, ON_LEAVE 请假 (with a reason), ABSENT 缺席. */
@Schema(
    description =
        "Attendance of one expected attendee: PRESENT 出席, ON_LEAVE 请假 (with a reason), ABSENT 缺席.")
public enum Attendance {
  PRESENT,
  ON_LEAVE,
  ABSENT
}
