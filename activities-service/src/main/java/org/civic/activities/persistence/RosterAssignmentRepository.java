package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.activities.domain.*;
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
}
