package org.civic.activities.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.activities.domain.BranchView;
import org.civic.activities.persistence.BranchViewRepository;
import org.civic.web.problem.ProblemException;

/** Looks branches up in the local view (from branches.events). */
@ApplicationScoped
public class Branches {
  private final BranchViewRepository branches;

  Branches(BranchViewRepository branches) {
    this.branches = branches;
  }

  /** A known branch that is not dissolved, for new records; 422 otherwise. */
  public BranchView requireActive(UUID branchId) {
    BranchView b = branches.findById(branchId);
    if (b == null) {
      throw ProblemException.ruleViolation(
          "branchId", "Branch " + branchId + " is not known (no BranchEstablished event seen)");
    }
    if (BranchView.DISSOLVED.equals(b.status)) {
      throw ProblemException.ruleViolation("branchId", "Branch " + branchId + " is dissolved");
    }
    return b;
  }

  /** A known branch (dissolved ones too), for reports; 404 otherwise. */
  public BranchView require(UUID branchId) {
    BranchView b = branches.findById(branchId);
    if (b == null) {
      throw ProblemException.notFound("Branch", branchId);
    }
    return b;
  }
}
