package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.civic.domain.RuleViolation;

/** An expected attendee of an activity (snapshot of the roster when scheduled) and attendance. */
@Entity
@Table(name = "activity_attendee")
@IdClass(ActivityAttendee.Key.class)
public class ActivityAttendee {
  @Id
  @Column(name = "activity_id")
  public UUID activityId;

  @Id
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "member_name")
  public String memberName;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Enumerated(EnumType.STRING)
  public Attendance attendance;

  @Column(name = "leave_reason")
  public String leaveReason;

  @Column(name = "recorded_at")
  public OffsetDateTime recordedAt;

  /** Records attendance; leave needs a reason, the other states drop any reason. */
  public void record(Attendance attendance, String reason, OffsetDateTime at) {
    if (attendance == Attendance.ON_LEAVE && (reason == null || reason.isBlank())) {
      throw new RuleViolation("reason", "Leave (请假) needs a reason");
    }
    this.attendance = attendance;
    this.leaveReason = attendance == Attendance.ON_LEAVE ? reason.trim() : null;
    this.recordedAt = at;
  }

  public static class Key implements Serializable {
    public UUID activityId;
    public UUID memberId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(activityId, k.activityId)
          && Objects.equals(memberId, k.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(activityId, memberId);
    }
  }
}
