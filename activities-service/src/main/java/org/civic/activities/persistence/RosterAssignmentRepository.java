package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.persistence.InList;
import org.civic.web.persistence.Managed;
import org.civic.web.security.Scope;

@ApplicationScoped
public class RosterAssignmentRepository implements PanacheRepositoryBase<RosterAssignment, UUID> {

  public static Scope.Clause visibleTo(Scope scope) {
    return scope.clause("communityId", "branchId", "memberId", "householdId");
  }

  /** Everyone on a branch's roster now (snapshot of expected attendees, event handling). */
  public List<RosterAssignment> onRoster(UUID branchId) {
    return list("branchId", Sort.by("memberName").and("memberId"), branchId);
  }

  /** The members on a branch's roster that the caller may see. */
  public List<RosterAssignment> onRoster(UUID branchId, Scope scope) {
    Scope.Clause c = visibleTo(scope);
    return list(
        Scoped.where("branchId = :branch", c),
        Sort.by("memberName").and("memberId"),
        Scoped.params(Map.of("branch", branchId), c));
  }

  /**
   * The member's assignment, locked until the commit (null if there is none). Whoever writes a
   * member's roster history holds this lock first (ADR 0008): the two consumers never change one
   * member's history at the same time.
   */
  public RosterAssignment lock(UUID memberId) {
    return findById(memberId, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Locks these members' assignments (those that exist) with one query, in member order, and keeps
   * them in the session: a branches consumer's batch (ADR 0008). Each event then finds its
   * assignment with {@link #loaded}.
   */
  public void lockAll(Collection<UUID> memberIds) {
    if (memberIds.isEmpty()) {
      return;
    }
    InList in = InList.of("a.memberId", "m", memberIds);
    var query =
        getEntityManager()
            .createQuery(
                "select a from RosterAssignment a where " + in.condition() + " order by a.memberId",
                RosterAssignment.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE);
    in.parameters().forEach(query::setParameter);
    query.getResultList();
  }

  /** The member's assignment as the session holds it, never a query (after {@link #lockAll}). */
  public RosterAssignment loaded(UUID memberId) {
    return Managed.get(getEntityManager(), RosterAssignment.class, memberId);
  }
}
