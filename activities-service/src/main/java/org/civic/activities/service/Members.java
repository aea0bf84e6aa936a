package org.civic.activities.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import org.civic.activities.domain.MemberView;
import org.civic.activities.domain.RosterAssignment;
import org.civic.activities.persistence.MemberViewRepository;
import org.civic.activities.persistence.RosterAssignmentRepository;
import org.civic.activities.persistence.Scoped;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.Scope;

/** Members named in a write (visitor, assignee, team member): only those the caller may see. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Members {
  private final MemberViewRepository members;
  private final RosterAssignmentRepository rosters;
  private final Access access;

  Members(MemberViewRepository members, RosterAssignmentRepository rosters, Access access) {
    this.members = members;
    this.rosters = rosters;
    this.access = access;
  }

  /**
   * The member must be known and inside the caller's scope (living in their communities, on their
   * branch's roster); otherwise 422 "not known", the same answer for both so that a write does not
   * reveal members outside the scope.
   */
  public void requireVisible(String field, UUID memberId) {
    Scope scope = access.scope();
    Map<String, Object> member = Map.of("member", memberId);
    EntityManager em = members.getEntityManager();
    boolean visible =
        Scoped.any(
                em,
                MemberView.class,
                "memberId = :member",
                member,
                MemberViewRepository.visibleTo(scope))
            || Scoped.any(
                em,
                RosterAssignment.class,
                "memberId = :member",
                member,
                RosterAssignmentRepository.visibleTo(scope));
    if (!visible) {
      throw ProblemException.ruleViolation(field, "Member " + memberId + " is not known");
    }
  }

  /** The member's name from the local view, or null. */
  public String name(UUID memberId) {
    MemberView m = members.findById(memberId);
    if (m != null) {
      return m.name;
    }
    RosterAssignment r = rosters.findById(memberId);
    return r == null ? null : r.memberName;
  }
}
