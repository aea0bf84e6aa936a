package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.BranchResources;
import org.civic.branches.domain.ResourceRules;
import org.civic.branches.persistence.BranchResourcesRepository;
import org.civic.domain.RuleViolation;
import org.civic.web.locking.Versions;
import org.civic.web.problem.ProblemException;

/** The support resources checklist (保障措施) of each branch. */
@ApplicationScoped
@Transactional
public class ResourceService {
  private final BranchResourcesRepository resources;
  private final BranchService branches;
  private final Access access;

  ResourceService(BranchResourcesRepository resources, BranchService branches, Access access) {
    this.resources = resources;
    this.branches = branches;
    this.access = access;
  }

  /** The checklist as sent by a client. */
  public record Checklist(
      boolean activityRoom,
      BigDecimal roomAreaM2,
      BigDecimal yearlyFundingYuan,
      boolean branchPlaque,
      boolean partyMemberHomePlaque,
      boolean sign,
      boolean workSystemsBoard,
      boolean bookcase,
      boolean ledger,
      boolean recordBook,
      String subscriptions) {}

  /** The checklist of a branch the caller may see (403 / 404 otherwise). */
  public BranchResources get(UUID branchId) {
    Branch branch = branches.get(branchId);
    BranchResources r = resources.findById(branchId);
    if (r == null) {
      r = new BranchResources(branch);
      resources.persist(r);
    }
    return r;
  }

  /**
   * Updates the checklist: for staff whose scope holds the branch (a branch secretary: their own
   * branch), 403 otherwise.
   */
  public BranchResources update(UUID branchId, Checklist c, String ifMatch, Long version) {
    BranchResources r = get(branchId);
    access.requireBranch(r.communityId, r.branchId);
    Versions.require(r.version, ifMatch, version);
    try {
      ResourceRules.check(c.activityRoom(), c.roomAreaM2());
    } catch (RuleViolation v) {
      throw ProblemException.ruleViolation(v.field(), v.getMessage());
    }
    r.activityRoom = c.activityRoom();
    r.roomAreaM2 = c.roomAreaM2();
    r.yearlyFundingYuan = c.yearlyFundingYuan();
    r.branchPlaque = c.branchPlaque();
    r.partyMemberHomePlaque = c.partyMemberHomePlaque();
    r.sign = c.sign();
    r.workSystemsBoard = c.workSystemsBoard();
    r.bookcase = c.bookcase();
    r.ledger = c.ledger();
    r.recordBook = c.recordBook();
    r.subscriptions =
        c.subscriptions() == null || c.subscriptions().isBlank() ? null : c.subscriptions().trim();
    r.updatedAt = OffsetDateTime.now();
    resources.flush();
    return r;
  }
}
