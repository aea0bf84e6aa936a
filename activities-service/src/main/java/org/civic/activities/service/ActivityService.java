package org.civic.activities.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civic.activities.domain.Activity;
import org.civic.activities.domain.ActivityAttendee;
import org.civic.activities.domain.ActivityStatus;
import org.civic.activities.domain.ActivityType;
import org.civic.activities.domain.Attendance;
import org.civic.activities.domain.BranchView;
import org.civic.activities.domain.MeetingRules;
import org.civic.activities.domain.RosterAssignment;
import org.civic.activities.domain.VisitRules;
import org.civic.activities.events.ActivityHeld;
import org.civic.activities.persistence.ActivityAttendeeRepository;
import org.civic.activities.persistence.ActivityRepository;
import org.civic.activities.persistence.RosterAssignmentRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AuditLog;

@ApplicationScoped
@Transactional
public class ActivityService {
  private final ActivityRepository activities;
  private final ActivityAttendeeRepository attendees;
  private final RosterAssignmentRepository rosters;
  private final Branches branches;
  private final Outbox outbox;
  private final Access access;

  ActivityService(
      ActivityRepository activities,
      ActivityAttendeeRepository attendees,
      RosterAssignmentRepository rosters,
      Branches branches,
      Outbox outbox,
      Access access) {
    this.activities = activities;
    this.attendees = attendees;
    this.rosters = rosters;
    this.branches = branches;
    this.outbox = outbox;
    this.access = access;
  }

  /** The describable fields of an activity (create and update). */
  public record Details(
      String title,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String place,
      UUID hostMemberId,
      UUID recorderMemberId,
      String lecturer,
      String summary) {}

  public Activity schedule(UUID branchId, ActivityType type, Details d) {
    BranchView branch = branches.requireActiveInScope(branchId);
    Activity a =
        new Activity(branchId, branch.communityId, type, d.title(), d.startsAt().toInstant());
    apply(a, d);
    activities.persist(a);
    for (RosterAssignment r : rosters.onRoster(branchId)) {
      ActivityAttendee at = new ActivityAttendee();
      at.activityId = a.id;
      at.memberId = r.memberId;
      at.memberName = r.memberName;
      at.branchId = branchId;
      at.communityId = branch.communityId;
      attendees.persist(at);
    }
    return a;
  }

  public Activity update(UUID id, String ifMatch, Long version, Details d) {
    Activity a = get(id);
    Versions.require(a.version, ifMatch, version);
    if (a.status == ActivityStatus.CANCELLED) {
      throw ProblemException.ruleViolation("status", "A cancelled activity cannot be changed");
    }
    a.title = d.title().trim();
    a.startsAt = d.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
    if (a.status == ActivityStatus.HELD) {
      a.heldAt = a.startsAt;
    }
    apply(a, d);
    activities.flush();
    return a;
  }

  public Activity cancel(UUID id, String ifMatch, Long version) {
    Activity a = get(id);
    Versions.require(a.version, ifMatch, version);
    a.cancel();
    activities.flush();
    return a;
  }

  private static void apply(Activity a, Details d) {
    if (d.endsAt() != null && d.endsAt().isBefore(d.startsAt())) {
      throw ProblemException.ruleViolation("endsAt", "must not be before startsAt");
    }
    a.endsAt = d.endsAt() == null ? null : d.endsAt().withOffsetSameInstant(ZoneOffset.UTC);
    a.place = blankToNull(d.place());
    a.hostMemberId = d.hostMemberId();
    a.recorderMemberId = d.recorderMemberId();
    a.lecturer = blankToNull(d.lecturer());
    a.summary = blankToNull(d.summary());
  }

  public record AttendanceEntry(UUID memberId, Attendance attendance, String reason) {}

  /**
   * Records attendance of expected attendees; marks the activity held and publishes ActivityHeld
   * with the counts.
   */
  public Activity recordAttendance(
      UUID id, String ifMatch, Long version, List<AttendanceEntry> entries) {
    Activity a = get(id);
    Versions.require(a.version, ifMatch, version);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    a.markHeld(now.toInstant());
    Map<UUID, ActivityAttendee> expected =
        attendees.of(id).stream().collect(Collectors.toMap(x -> x.memberId, Function.identity()));
    for (int i = 0; i < entries.size(); i++) {
      AttendanceEntry e = entries.get(i);
      ActivityAttendee at = expected.get(e.memberId());
      if (at == null) {
        throw ProblemException.ruleViolation(
            "entries[" + i + "].memberId",
            "Member " + e.memberId() + " is not an expected attendee of this activity");
      }
      at.record(e.attendance(), e.reason(), now);
    }
    a.attendanceUpdatedAt = now;
    activities.flush();
    outbox.publish(
        "Activity", a.id, a.version, ActivityHeld.TYPE, ActivityHeld.of(a, attendees.of(id)));
    return a;
  }

  /** An activity the caller may see; 404 otherwise (as if it did not exist). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Activity get(UUID id) {
    return activities
        .findVisible(id, access.scope())
        .orElseThrow(() -> ProblemException.notFound("Activity", id));
  }

  /**
   * The expected attendees and their attendance (leave reasons may be personal, e.g. illness): an
   * audited read.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ActivityAttendee> attendees(UUID id) {
    get(id);
    List<ActivityAttendee> list = attendees.of(id, access.scope());
    access.audited(
        AuditLog.Action.READ,
        "Attendance",
        list.stream().map(x -> x.memberId).toList(),
        "attendance of activity " + id);
    return list;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Activity> list(
      UUID branchId,
      ActivityType type,
      ActivityStatus status,
      LocalDate from,
      LocalDate to,
      PageRequest page) {
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(type, "type = :type", "type")
            .when(status, "status = :status", "status")
            .when(from == null ? null : startOf(from), "startsAt >= :from", "from")
            .when(to == null ? null : startOf(to.plusDays(1)), "startsAt < :to", "to")
            .scoped(ActivityRepository.visibleTo(access.scope()));
    return q.page(activities, Activity.class, Sort.by("startsAt").descending().and("id"), page);
  }

  /** The branch's activities in a period, as far as the caller sees (the ledger). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Activity> between(UUID branchId, LocalDate from, LocalDate to) {
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(startOf(from), "startsAt >= :from", "from")
            .when(startOf(to.plusDays(1)), "startsAt < :to", "to")
            .scoped(ActivityRepository.visibleTo(access.scope()));
    return activities.list(q.text(), Sort.by("startsAt").and("id"), q.params());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public MeetingRules.Compliance meetingCompliance(UUID branchId, LocalDate from, LocalDate to) {
    branches.requireInScope(branchId);
    if (to.isBefore(from)) {
      throw ProblemException.invalid("to", "must not be before from");
    }
    if (from.plusYears(5).isBefore(to)) {
      throw ProblemException.invalid("to", "the period may span at most 5 years");
    }
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(ActivityStatus.HELD, "status = :status", "status")
            .when(startOf(MeetingRules.coveredFrom(from)), "startsAt >= :from", "from")
            .when(startOf(MeetingRules.coveredUntil(to)), "startsAt < :to", "to")
            .scoped(ActivityRepository.visibleTo(access.scope()));
    List<MeetingRules.HeldMeeting> held =
        activities.list(q.text(), q.params()).stream()
            .map(
                a ->
                    new MeetingRules.HeldMeeting(
                        a.type, a.startsAt.atZoneSameInstant(VisitRules.ZONE).toLocalDate()))
            .toList();
    return MeetingRules.evaluate(from, to, held);
  }

  static OffsetDateTime startOf(LocalDate d) {
    Instant i = d.atStartOfDay(VisitRules.ZONE).toInstant();
    return i.atOffset(ZoneOffset.UTC);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
