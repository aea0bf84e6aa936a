package org.civic.activities.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.activities.domain.Visit;
import org.civic.activities.domain.VisitKind;
import org.civic.activities.domain.VisitPlan;
import org.civic.activities.domain.VisitRules;
import org.civic.activities.events.VisitRecorded;
import org.civic.activities.persistence.VisitDutyReads;
import org.civic.activities.persistence.VisitRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.AuditLog;
import org.civic.web.security.Role;
import org.civic.web.security.Scope;

@ApplicationScoped
@Transactional
public class VisitService {
  private final VisitRepository visits;
  private final VisitDutyReads duty;
  private final Outbox outbox;
  private final Access access;
  private final Members memberAccess;

  VisitService(
      VisitRepository visits,
      VisitDutyReads duty,
      Outbox outbox,
      Access access,
      Members memberAccess) {
    this.visits = visits;
    this.duty = duty;
    this.outbox = outbox;
    this.access = access;
    this.memberAccess = memberAccess;
  }

  public record RecordVisit(
      UUID householdId,
      UUID branchId,
      UUID visitorMemberId,
      OffsetDateTime visitedAt,
      VisitKind kind,
      String notes,
      boolean followUpNeeded) {}

  public Visit record(RecordVisit cmd) {
    Instant now = Instant.now();
    if (cmd.visitedAt().toInstant().isAfter(now)) {
      throw ProblemException.ruleViolation("visitedAt", "A visit cannot be in the future");
    }
    // The household's history with each branch's community: one statement (was the history,
    // then each branch by id).
    List<VisitDutyReads.HistoryRow> rows = duty.historyOfHousehold(cmd.householdId());
    if (rows.isEmpty()) {
      throw ProblemException.ruleViolation(
          "householdId",
          "Household " + cmd.householdId() + " has no responsible branch (no member on a roster)");
    }
    Map<UUID, UUID> communityOf = new HashMap<>();
    for (VisitDutyReads.HistoryRow r : rows) {
      if (r.communityId() != null) {
        communityOf.putIfAbsent(r.branchId(), r.communityId());
      }
    }
    // A household outside the caller's scope: refuse before any rule tells more about it.
    if (rows.stream()
        .noneMatch(r -> access.permitsBranch(r.branchId(), communityOf.get(r.branchId())))) {
      throw new AccessDenied(
          "Household " + cmd.householdId() + " is outside your organisation scope");
    }
    Set<UUID> responsible =
        VisitRules.responsibleBranches(
            rows.stream().map(VisitDutyReads.HistoryRow::toDuty).toList(),
            cmd.visitedAt().toInstant());
    if (responsible.isEmpty()) {
      throw ProblemException.ruleViolation(
          "householdId", "No branch was responsible for this household at " + cmd.visitedAt());
    }
    Set<UUID> visible =
        responsible.stream()
            .filter(b -> access.permitsBranch(b, communityOf.get(b)))
            .collect(Collectors.toCollection(TreeSet::new));
    UUID branchId = cmd.branchId();
    if (branchId == null) {
      if (visible.isEmpty()) {
        throw new AccessDenied(
            "The branch responsible for this household at that time is outside your scope");
      }
      if (visible.size() > 1) {
        throw ProblemException.ruleViolation(
            "branchId", "Several branches are responsible " + visible + "; name one");
      }
      branchId = visible.iterator().next();
    } else if (!responsible.contains(branchId)) {
      throw ProblemException.ruleViolation(
          "branchId",
          "Branch "
              + branchId
              + " is not responsible for this household at that time"
              + (visible.isEmpty() ? "" : "; responsible: " + visible));
    } else if (!visible.contains(branchId)) {
      throw new AccessDenied("Branch " + branchId + " is outside your organisation scope");
    }
    memberAccess.requireVisible("visitorMemberId", cmd.visitorMemberId());
    UUID branch = branchId;
    UUID community = communityOf.get(branch);
    if (community == null) {
      throw ProblemException.ruleViolation("branchId", "Branch community unknown");
    }
    Visit v = new Visit();
    v.id = UUID.randomUUID();
    v.branchId = branch;
    v.communityId = community;
    v.householdId = cmd.householdId();
    v.visitorMemberId = cmd.visitorMemberId();
    v.visitedAt = cmd.visitedAt().withOffsetSameInstant(ZoneOffset.UTC);
    v.kind = cmd.kind();
    v.notes = cmd.notes() == null || cmd.notes().isBlank() ? null : cmd.notes().trim();
    v.followUpNeeded = cmd.followUpNeeded();
    v.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    visits.persist(v);
    outbox.publish("Visit", v.id, v.version, VisitRecorded.TYPE, VisitRecorded.of(v));
    return v;
  }

  public Visit resolveFollowUp(
      UUID id, String ifMatch, Long version, boolean resolved, String note) {
    Visit v = get(id);
    Versions.require(v.version, ifMatch, version);
    v.resolveFollowUp(resolved, note, OffsetDateTime.now(ZoneOffset.UTC));
    visits.flush();
    return v;
  }

  /** A visit the caller may see; 404 otherwise (as if it did not exist). Not audited. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Visit get(UUID id) {
    return visits
        .findVisible(id, access.scope())
        .orElseThrow(() -> ProblemException.notFound("Visit", id));
  }

  /**
   * Reads a visit for display: its kind and notes may describe illness or hardship, so the read is
   * audited.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Visit read(UUID id) {
    Visit v = get(id);
    access.audited(AuditLog.Action.READ, "Visit", List.of(v.id), "household " + v.householdId);
    return v;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Visit> list(
      UUID branchId,
      UUID householdId,
      VisitKind kind,
      Boolean followUpOpen,
      OffsetDateTime from,
      OffsetDateTime to,
      PageRequest page) {
    Query q =
        new Query()
            .when(branchId, "branchId = :branch", "branch")
            .when(householdId, "householdId = :household", "household")
            .when(kind, "kind = :kind", "kind")
            .when(from, "visitedAt >= :from", "from")
            .when(to, "visitedAt < :to", "to")
            .scoped(VisitRepository.visibleTo(access.scope()));
    if (Boolean.TRUE.equals(followUpOpen)) {
      q.when("followUpNeeded = true and followUpResolved = false", Map.of());
    }
    Page<Visit> result =
        q.page(visits, Visit.class, Sort.by("visitedAt").descending().and("id"), page);
    access.audited(
        AuditLog.Action.READ,
        "Visit",
        result.items().stream().map(v -> v.id).toList(),
        "visit list");
    return result;
  }

  /**
   * A plan with the members of each listed household, for display.
   *
   * @param householdsShown false for callers who may see only the counts (CITY_SYSTEM): then
   *     neither households nor members are to be shown
   */
  public record PlanWithMembers(
      VisitPlan plan,
      Map<UUID, List<VisitDutyReads.HouseholdMember>> members,
      boolean householdsShown) {}

  /**
   * In one (read-only) transaction, so its statements share one pooled connection instead of
   * checking one out each: the branch, the households' roster history, the branch's visits, the
   * members; the households are a sub-query of the statements that need them.
   */
  public PlanWithMembers plan(UUID branchId, YearMonth month) {
    VisitDutyReads.BranchPlace branch =
        duty.branch(branchId).orElseThrow(() -> ProblemException.notFound("Branch", branchId));
    access.requireBranch(branchId, branch.communityId());
    Instant start = VisitRules.monthStart(month);
    Instant end = VisitRules.monthEnd(month);
    Scope scope = access.scope();
    List<VisitRules.Duty> duties =
        duty.historyOfHouseholdsAtBranch(branchId, start, end, scope).stream()
            .map(VisitDutyReads.HistoryRow::toDuty)
            .toList();
    List<VisitRules.VisitFact> facts =
        duties.isEmpty() ? List.of() : duty.visitsOfBranch(branchId, start, end);
    VisitPlan plan = VisitRules.plan(branchId, month, duties, facts, Instant.now());
    boolean shown = !access.is(Role.CITY_SYSTEM);
    Set<UUID> listed =
        plan.entries().stream().map(VisitPlan.Entry::householdId).collect(Collectors.toSet());
    Map<UUID, List<VisitDutyReads.HouseholdMember>> byHousehold =
        listed.isEmpty() || !shown
            ? Map.of()
            : duty.membersOfHouseholdsAtBranch(branchId, start, end, scope).stream()
                .filter(m -> listed.contains(m.householdId()))
                .collect(Collectors.groupingBy(VisitDutyReads.HouseholdMember::householdId));
    return new PlanWithMembers(plan, byHousehold, shown);
  }
}
