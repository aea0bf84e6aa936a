package org.civic.activities.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civic.activities.domain.BranchView;
import org.civic.activities.domain.MemberView;
import org.civic.activities.domain.RosterHistoryEntry;
import org.civic.activities.domain.Visit;
import org.civic.activities.domain.VisitKind;
import org.civic.activities.domain.VisitPlan;
import org.civic.activities.domain.VisitRules;
import org.civic.activities.events.VisitRecorded;
import org.civic.activities.persistence.BranchViewRepository;
import org.civic.activities.persistence.MemberViewRepository;
import org.civic.activities.persistence.RosterAssignmentRepository;
import org.civic.activities.persistence.RosterHistoryRepository;
import org.civic.activities.persistence.VisitRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;

@ApplicationScoped
@Transactional
public class VisitService {
  private final VisitRepository visits;
  private final RosterHistoryRepository history;
  private final MemberViewRepository members;
  private final RosterAssignmentRepository rosters;
  private final BranchViewRepository branches;
  private final Outbox outbox;

  VisitService(
      VisitRepository visits,
      RosterHistoryRepository history,
      MemberViewRepository members,
      RosterAssignmentRepository rosters,
      BranchViewRepository branches,
      Outbox outbox) {
    this.visits = visits;
    this.history = history;
    this.members = members;
    this.rosters = rosters;
    this.branches = branches;
    this.outbox = outbox;
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
    List<RosterHistoryEntry> rows = history.forHouseholds(List.of(cmd.householdId()));
    if (rows.isEmpty()) {
      throw ProblemException.ruleViolation(
          "householdId",
          "Household " + cmd.householdId() + " has no responsible branch (no member on a roster)");
    }
    Set<UUID> responsible =
        VisitRules.responsibleBranches(
            rows.stream().map(RosterHistoryEntry::toDuty).toList(), cmd.visitedAt().toInstant());
    if (responsible.isEmpty()) {
      throw ProblemException.ruleViolation(
          "householdId", "No branch was responsible for this household at " + cmd.visitedAt());
    }
    UUID branchId = cmd.branchId();
    if (branchId == null) {
      if (responsible.size() > 1) {
        throw ProblemException.ruleViolation(
            "branchId", "Several branches are responsible " + responsible + "; name one");
      }
      branchId = responsible.iterator().next();
    } else if (!responsible.contains(branchId)) {
      throw ProblemException.ruleViolation(
          "branchId",
          "Branch "
              + branchId
              + " is not responsible for this household at that time; responsible: "
              + responsible);
    }
    if (members.findById(cmd.visitorMemberId()) == null
        && rosters.findById(cmd.visitorMemberId()) == null) {
      throw ProblemException.ruleViolation(
          "visitorMemberId", "Member " + cmd.visitorMemberId() + " is not known");
    }
    UUID branch = branchId;
    BranchView b = branches.findById(branch);
    UUID community =
        b != null
            ? b.communityId
            : rows.stream()
                .filter(r -> r.branchId.equals(branch) && r.communityId != null)
                .map(r -> r.communityId)
                .findFirst()
                .orElseThrow(
                    () -> ProblemException.ruleViolation("branchId", "Branch community unknown"));
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

  @Transactional(Transactional.TxType.SUPPORTS)
  public Visit get(UUID id) {
    return visits.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Visit", id));
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
            .when(to, "visitedAt < :to", "to");
    String text = q.text();
    if (Boolean.TRUE.equals(followUpOpen)) {
      text += " and followUpNeeded = true and followUpResolved = false";
    }
    var query = visits.find(text, Sort.by("visitedAt").descending().and("id"), q.params());
    return Page.of(query.page(page.page, page.size).list(), page, query.count());
  }

  /** A plan with the members of each listed household, for display. */
  public record PlanWithMembers(VisitPlan plan, Map<UUID, List<MemberView>> members) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public PlanWithMembers plan(UUID branchId, YearMonth month) {
    if (branches.findById(branchId) == null && history.count("branchId", branchId) == 0) {
      throw ProblemException.notFound("Branch", branchId);
    }
    Instant start = VisitRules.monthStart(month);
    Instant end = VisitRules.monthEnd(month);
    OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
    OffsetDateTime to = end.atOffset(ZoneOffset.UTC);
    List<UUID> households = history.householdsAtBranchDuring(branchId, from, to);
    List<VisitRules.Duty> duties =
        history.forHouseholds(households).stream().map(RosterHistoryEntry::toDuty).toList();
    List<VisitRules.VisitFact> facts =
        visits.ofHouseholdsBetween(households, from, to).stream()
            .map(
                v ->
                    new VisitRules.VisitFact(
                        v.id, v.householdId, v.branchId, v.visitedAt.toInstant()))
            .toList();
    VisitPlan plan = VisitRules.plan(branchId, month, duties, facts, Instant.now());
    List<UUID> listed = plan.entries().stream().map(VisitPlan.Entry::householdId).toList();
    Map<UUID, List<MemberView>> byHousehold =
        listed.isEmpty()
            ? Map.of()
            : members.list("householdId in ?1", Sort.by("name").and("memberId"), listed).stream()
                .collect(Collectors.groupingBy(m -> m.householdId));
    return new PlanWithMembers(plan, byHousehold);
  }
}
