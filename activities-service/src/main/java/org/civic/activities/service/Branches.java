package org.civic.activities.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.BranchView;
import org.civic.activities.domain.KnownBuilding;
import org.civic.activities.domain.RosterAssignment;
import org.civic.activities.persistence.BranchViewRepository;
import org.civic.activities.persistence.KnownBuildingRepository;
import org.civic.activities.persistence.RosterAssignmentRepository;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;

/**
 * Looks branches (and buildings) up in the local view (from branches.events) and checks them
 * against the caller's scope: they are organisational records, so outside the scope is a 403.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Branches {
  private final BranchViewRepository branches;
  private final RosterAssignmentRepository rosters;
  private final KnownBuildingRepository buildings;
  private final Access access;

  Branches(
      BranchViewRepository branches,
      RosterAssignmentRepository rosters,
      KnownBuildingRepository buildings,
      Access access) {
    this.branches = branches;
    this.rosters = rosters;
    this.buildings = buildings;
    this.access = access;
  }

  /**
   * The branch a new record is written for: known (422 otherwise), inside the caller's scope (403)
   * and not dissolved (422).
   */
  public BranchView requireActiveInScope(UUID branchId) {
    BranchView b = branches.findById(branchId);
    if (b == null) {
      throw ProblemException.ruleViolation(
          "branchId", "Branch " + branchId + " is not known (no BranchEstablished event seen)");
    }
    access.requireBranch(b.branchId, b.communityId);
    if (BranchView.DISSOLVED.equals(b.status)) {
      throw ProblemException.ruleViolation("branchId", "Branch " + branchId + " is dissolved");
    }
    return b;
  }

  /** A known branch (dissolved ones too), for reports: 404 if unknown, 403 outside the scope. */
  public BranchView requireInScope(UUID branchId) {
    BranchView b = require(branchId);
    access.requireBranch(b.branchId, b.communityId);
    return b;
  }

  /** A known branch (dissolved ones too), whatever the caller's scope; 404 otherwise. */
  public BranchView require(UUID branchId) {
    BranchView b = branches.findById(branchId);
    if (b == null) {
      throw ProblemException.notFound("Branch", branchId);
    }
    return b;
  }

  /** The branch's roster as this service knows it. */
  public List<RosterAssignment> roster(UUID branchId) {
    requireInScope(branchId);
    return rosters.onRoster(branchId, access.scope());
  }

  /** A building inside the caller's scope: 404 if unknown, 403 if outside the scope. */
  public KnownBuilding building(UUID id) {
    return buildings
        .findVisible(id, access.scope())
        .orElseThrow(
            () ->
                buildings.findByIdOptional(id).isPresent()
                    ? new AccessDenied("Building " + id + " is outside your organisation scope")
                    : ProblemException.notFound("Building", id));
  }
}
