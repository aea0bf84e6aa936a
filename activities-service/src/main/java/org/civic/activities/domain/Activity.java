package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic.domain.RuleViolation;

/** A meeting or activity of a branch. */
@Entity
@Table(name = "activity")
public class Activity {
  @Id public UUID id;

  @Column(name = "branch_id")
  public UUID branchId;

  @Column(name = "community_id")
  public UUID communityId;

  @Enumerated(EnumType.STRING)
  public ActivityType type;

  public String title;

  @Column(name = "starts_at")
  public OffsetDateTime startsAt;

  @Column(name = "ends_at")
  public OffsetDateTime endsAt;

  public String place;

  @Column(name = "host_member_id")
  public UUID hostMemberId;

  @Column(name = "recorder_member_id")
  public UUID recorderMemberId;

  public String lecturer;
  public String summary;

  @Enumerated(EnumType.STRING)
  public ActivityStatus status;

  @Column(name = "held_at")
  public OffsetDateTime heldAt;

  @Column(name = "attendance_updated_at")
  public OffsetDateTime attendanceUpdatedAt;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Version public long version;

  protected Activity() {}

  public Activity(
      UUID branchId, UUID communityId, ActivityType type, String title, Instant startsAt) {
    this.id = UUID.randomUUID();
    this.branchId = branchId;
    this.communityId = communityId;
    this.type = type;
    this.title = title.trim();
    this.startsAt = startsAt.atOffset(ZoneOffset.UTC);
    this.status = ActivityStatus.SCHEDULED;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Attendance can be taken once the meeting has started, and not for a cancelled one. */
  public void markHeld(Instant now) {
    if (status == ActivityStatus.CANCELLED) {
      throw new RuleViolation("status", "The activity was cancelled; attendance cannot be taken");
    }
    if (startsAt.toInstant().isAfter(now)) {
      throw new RuleViolation(
          "startsAt", "The activity has not started yet; attendance is taken once it is held");
    }
    if (status != ActivityStatus.HELD) {
      status = ActivityStatus.HELD;
      heldAt = startsAt;
    }
  }

  public void cancel() {
    if (status == ActivityStatus.HELD) {
      throw new RuleViolation("status", "A held activity cannot be cancelled");
    }
    status = ActivityStatus.CANCELLED;
  }
}
