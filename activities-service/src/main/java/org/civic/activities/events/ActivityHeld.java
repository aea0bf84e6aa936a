package org.civic.activities.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.Activity;
import org.civic.activities.domain.ActivityAttendee;
import org.civic.activities.domain.Attendance;

/** Published when attendance of a held activity is recorded (counts only, no names). */
public record ActivityHeld(
    UUID activityId,
    UUID branchId,
    String type,
    String title,
    OffsetDateTime heldAt,
    int expected,
    int present,
    int onLeave,
    int absent) {
  public static final String TYPE = "ActivityHeld";

  public static ActivityHeld of(Activity a, List<ActivityAttendee> attendees) {
    return new ActivityHeld(
        a.id,
        a.branchId,
        a.type.name(),
        a.title,
        a.heldAt,
        attendees.size(),
        count(attendees, Attendance.PRESENT),
        count(attendees, Attendance.ON_LEAVE),
        count(attendees, Attendance.ABSENT));
  }

  private static int count(List<ActivityAttendee> attendees, Attendance a) {
    return (int) attendees.stream().filter(x -> x.attendance == a).count();
  }
}
