package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.BranchCoverage;
import org.civic.branches.domain.BranchResources;
import org.civic.branches.domain.BranchRules;
import org.civic.branches.domain.BranchStatus;
import org.civic.branches.domain.Building;
import org.civic.branches.domain.BuildingFacts;
import org.civic.branches.domain.OrgKind;
import org.civic.branches.domain.OrgUnit;
import org.civic.branches.domain.Resident;
import org.civic.branches.domain.ResidentCounts;
import org.civic.branches.events.BranchCoverageChanged;
import org.civic.branches.events.BranchDissolved;
import org.civic.branches.events.BranchEstablished;
import org.civic.branches.events.RosterChanged.Reason;
import org.civic.branches.persistence.BranchCoverageRepository;
import org.civic.branches.persistence.BranchRepository;
import org.civic.branches.persistence.BranchResourcesRepository;
import org.civic.branches.persistence.BuildingRepository;
import org.civic.branches.persistence.ResidentRepository;
import org.civic.branches.persistence.RosterEntryRepository;
import org.civic.branches.persistence.TermRepository;
import org.civic.domain.RuleViolation;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.AuditLog;
import org.civic.web.security.Scope;

/** Establishing, changing, dissolving and merging branches; their rosters and alerts. */
@ApplicationScoped
@Transactional
public class BranchService {
  private final BranchRepository branches;
  private final BranchCoverageRepository coverage;
  private final BuildingRepository buildings;
  private final ResidentRepository residents;
  private final RosterEntryRepository entries;
  private final BranchResourcesRepository resources;
  private final TermRepository terms;
  private final OrgUnitService orgUnits;
  private final RosterService rosters;
  private final Access access;
  private final AuditLog audit;
  private final Outbox outbox;

  BranchService(
      BranchRepository branches,
      BranchCoverageRepository coverage,
      BuildingRepository buildings,
      ResidentRepository residents,
      RosterEntryRepository entries,
      BranchResourcesRepository resources,
      TermRepository terms,
      OrgUnitService orgUnits,
      RosterService rosters,
      Access access,
      AuditLog audit,
      Outbox outbox) {
    this.branches = branches;
    this.coverage = coverage;
    this.buildings = buildings;
    this.residents = residents;
    this.entries = entries;
    this.resources = resources;
    this.terms = terms;
    this.orgUnits = orgUnits;
    this.rosters = rosters;
    this.access = access;
    this.audit = audit;
    this.outbox = outbox;
  }

  /** A branch with what a reader needs: its buildings, roster size and whether it needs help. */
  public record BranchStatusView(
      Branch branch, String code, List<UUID> buildingIds, long members, long fullMembers) {
    public boolean belowMinimum() {
      return branch.active() && BranchRules.belowMinimum(fullMembers);
    }
  }

  /** The outcome of a change: the branch and the warnings the rules raised. */
  public record Outcome(BranchStatusView branch, List<String> warnings, int rosterChanges) {}

  public Outcome establish(
      UUID communityId,
      String name,
      OrgKind kind,
      List<UUID> buildingIds,
      LocalDate establishedOn,
      String code) {
    OrgUnit community = orgUnits.community(communityId, "communityId");
    access.requireCommunity(communityId);
    List<BuildingFacts> facts = facts(buildingIds, Map.of());
    List<String> warnings = check(kind, communityId, null, facts);
    OrgUnit unit = orgUnits.persistNew(kind, community, name, code);
    Branch branch = new Branch(unit, establishedOn);
    branches.persist(branch);
    for (UUID building : buildingIds) {
      coverage.persist(new BranchCoverage(building, branch.id, communityId));
    }
    resources.persist(new BranchResources(branch));
    flushOrConflict();
    outbox.publish(
        "Branch",
        branch.id,
        branch.version,
        BranchEstablished.TYPE,
        BranchEstablished.of(branch, sorted(buildingIds)));
    int moved = rosters.reconcileAffected(buildingIds, List.of(), Reason.BRANCH_ESTABLISHED);
    return new Outcome(view(branch), warnings, moved);
  }

  public Outcome changeCoverage(UUID id, List<UUID> buildingIds, String ifMatch, Long version) {
    Branch branch = writable(id);
    Versions.require(branch.version, ifMatch, version);
    requireActive(branch);
    List<UUID> before = coverage.buildingIds(id);
    List<BuildingFacts> facts = facts(buildingIds, Map.of());
    List<String> warnings = check(branch.kind, branch.communityId, id, facts);
    Set<UUID> after = new LinkedHashSet<>(buildingIds);
    List<UUID> removed = before.stream().filter(b -> !after.contains(b)).sorted().toList();
    List<UUID> added = after.stream().filter(b -> !before.contains(b)).sorted().toList();
    if (added.isEmpty() && removed.isEmpty()) {
      return new Outcome(view(branch), warnings, 0);
    }
    for (UUID b : removed) {
      coverage.delete(coverage.findById(b));
    }
    for (UUID b : added) {
      coverage.persist(new BranchCoverage(b, id, branch.communityId));
    }
    branch.touch();
    flushOrConflict();
    outbox.publish(
        "Branch",
        id,
        branch.version,
        BranchCoverageChanged.TYPE,
        new BranchCoverageChanged(id, branch.communityId, sorted(after), added, removed));
    Set<UUID> affected = new LinkedHashSet<>(before);
    affected.addAll(after);
    int moved = rosters.reconcileAffected(affected, List.of(id), Reason.COVERAGE_CHANGED);
    return new Outcome(view(branch), warnings, moved);
  }

  public Outcome dissolve(UUID id, LocalDate on, String reason, String ifMatch, Long version) {
    Branch branch = writable(id);
    Versions.require(branch.version, ifMatch, version);
    requireActive(branch);
    List<UUID> covered = coverage.buildingIds(id);
    for (BranchCoverage c : coverage.ofBranch(id)) {
      coverage.delete(c);
    }
    apply(() -> branch.dissolve(on, reason, null));
    endCurrentTerm(id);
    flushOrConflict();
    outbox.publish("Branch", id, branch.version, BranchDissolved.TYPE, BranchDissolved.of(branch));
    int moved = rosters.reconcileAffected(covered, List.of(id), Reason.BRANCH_DISSOLVED);
    return new Outcome(view(branch), List.of(), moved);
  }

  /**
   * Merges branch {@code id} into {@code intoId}: the target takes over its buildings (the target's
   * rules must still hold), the source is dissolved with {@code mergedInto}.
   */
  public Outcome merge(UUID id, UUID intoId, LocalDate on, String ifMatch, Long version) {
    Branch source = writable(id);
    Versions.require(source.version, ifMatch, version);
    requireActive(source);
    if (id.equals(intoId)) {
      throw ProblemException.ruleViolation("intoBranchId", "A branch cannot merge into itself");
    }
    Branch target =
        branches
            .findByIdOptional(intoId)
            .orElseThrow(
                () ->
                    ProblemException.ruleViolation(
                        "intoBranchId", "Branch " + intoId + " does not exist"));
    access.requireBranch(target.communityId, target.id);
    if (!target.active()) {
      throw ProblemException.ruleViolation("intoBranchId", "Branch " + intoId + " is dissolved");
    }
    if (!target.communityId.equals(source.communityId)) {
      throw ProblemException.ruleViolation(
          "intoBranchId", "Branches of different communities cannot merge");
    }
    List<UUID> moving = coverage.buildingIds(id);
    List<UUID> targetBefore = coverage.buildingIds(intoId);
    List<UUID> all = new ArrayList<>(targetBefore);
    all.addAll(moving);
    Map<UUID, UUID> treatAs = new HashMap<>();
    moving.forEach(b -> treatAs.put(b, intoId));
    List<String> warnings = check(target.kind, target.communityId, intoId, facts(all, treatAs));
    for (BranchCoverage c : coverage.ofBranch(id)) {
      c.branchId = intoId;
    }
    apply(() -> source.dissolve(on, "Merged into " + target.name + " (" + intoId + ")", intoId));
    endCurrentTerm(id);
    target.touch();
    flushOrConflict();
    outbox.publish("Branch", id, source.version, BranchDissolved.TYPE, BranchDissolved.of(source));
    outbox.publish(
        "Branch",
        intoId,
        target.version,
        BranchCoverageChanged.TYPE,
        new BranchCoverageChanged(
            intoId, target.communityId, sorted(all), sorted(moving), List.of()));
    int moved = rosters.reconcileAffected(moving, List.of(id), Reason.BRANCH_DISSOLVED);
    return new Outcome(view(target), warnings, moved);
  }

  /** A branch the caller may see: 404 when it does not exist, 403 outside the scope. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Branch get(UUID id) {
    return branches
        .findVisible(id, access.scope())
        .orElseThrow(
            () ->
                branches.findById(id) == null
                    ? ProblemException.notFound("Branch", id)
                    : new AccessDenied("Branch " + id + " is outside your organisation scope"));
  }

  /** A branch the caller may change: visible, and in their communities (403 otherwise). */
  Branch writable(UUID id) {
    Branch branch = get(id);
    access.requireCommunity(branch.communityId);
    return branch;
  }

  /** Any branch, whoever asks (to resolve an honour's recipient, which is checked after). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Branch branchOrNull(UUID id) {
    return branches.findById(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public BranchStatusView view(UUID id) {
    return view(get(id));
  }

  /** The branches the caller may see, filtered in the query; the total counts only those. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<BranchStatusView> list(UUID communityId, BranchStatus status, PageRequest page) {
    Scope scope = access.scope();
    return Page.of(
        views(branches.page(communityId, status, scope, page)),
        page,
        branches.countWhere(communityId, status, scope));
  }

  /** Active branches with fewer than 3 full members on their roster (需关注), within the scope. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<BranchStatusView> alerts(UUID communityId) {
    return views(branches.belowMinimum(communityId, access.scope()));
  }

  /**
   * A page of a branch's roster (403 for a branch outside the scope). Who is a party member is
   * personal data: every non-empty read is written to the audit log.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Resident> roster(UUID id, PageRequest page) {
    Scope scope = access.scope();
    List<Resident> items = entries.roster(id, scope, page);
    // The page query joins the branch under the caller's scope, so rows prove the branch exists
    // and is visible; only an empty page needs the look-up that tells 404 from 403 from none.
    if (items.isEmpty()) {
      get(id);
    } else {
      audit.record(
          access.caller(),
          AuditLog.Action.READ,
          "Roster",
          items.stream().map(r -> r.memberId).toList(),
          "roster of branch " + id + ", page " + page.page + " of size " + page.size);
    }
    // The total is counted only for a full page: with the above, a roster that fits its page is
    // one statement instead of three.
    return Page.of(items, page, () -> entries.countOn(id, scope));
  }

  BranchStatusView view(Branch branch) {
    return views(List.of(branch)).get(0);
  }

  List<BranchStatusView> views(List<Branch> list) {
    List<UUID> ids = list.stream().map(b -> b.id).toList();
    Map<UUID, List<UUID>> covered = coverage.buildingsOf(ids);
    Map<UUID, long[]> sizes = entries.sizes(ids);
    return list.stream()
        .map(
            b ->
                new BranchStatusView(
                    b,
                    orgUnits.find(b.id).code,
                    covered.get(b.id),
                    sizes.get(b.id)[0],
                    sizes.get(b.id)[1]))
        .toList();
  }

  /** Facts for the rules; {@code treatAs} overrides the covering branch of some buildings. */
  private List<BuildingFacts> facts(List<UUID> buildingIds, Map<UUID, UUID> treatAs) {
    Map<UUID, ResidentCounts> counts = residents.countsByBuilding(buildingIds);
    Map<UUID, UUID> covering = coverage.coveringBranches(buildingIds);
    List<BuildingFacts> facts = new ArrayList<>();
    for (UUID id : buildingIds) {
      Building b = buildings.findById(id);
      if (b == null) {
        throw ProblemException.ruleViolation("buildingIds", "Building " + id + " does not exist");
      }
      if (!access.scope().permits(b.communityId, null, null, null)) {
        throw new AccessDenied("Building " + id + " is outside your organisation scope");
      }
      ResidentCounts c = counts.get(id);
      facts.add(
          new BuildingFacts(
              id,
              b.name,
              b.communityId,
              c.full(),
              c.total(),
              treatAs.getOrDefault(id, covering.get(id))));
    }
    return facts;
  }

  private static List<String> check(
      OrgKind kind, UUID communityId, UUID branchId, List<BuildingFacts> facts) {
    try {
      return BranchRules.checkCoverage(kind, communityId, branchId, facts);
    } catch (RuleViolation v) {
      throw ProblemException.ruleViolation(v.field(), v.getMessage());
    }
  }

  private static void apply(Runnable change) {
    try {
      change.run();
    } catch (RuleViolation v) {
      throw ProblemException.ruleViolation(v.field(), v.getMessage());
    }
  }

  private static void requireActive(Branch branch) {
    if (!branch.active()) {
      throw ProblemException.ruleViolation("id", "Branch " + branch.id + " is dissolved");
    }
  }

  private void endCurrentTerm(UUID branchId) {
    terms.current(branchId).ifPresent(t -> t.current = false);
  }

  /** Writes now; a concurrent change that took the same building is a 409, not a 500. */
  private void flushOrConflict() {
    try {
      branches.flush();
    } catch (PersistenceException e) {
      throw ProblemException.conflict(
          "Another change to these buildings or branches happened at the same time; try again");
    }
  }

  private static List<UUID> sorted(java.util.Collection<UUID> ids) {
    return ids.stream().sorted().toList();
  }
}
