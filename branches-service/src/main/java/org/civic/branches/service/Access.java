package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.persistence.BranchRepository;
import org.civic.branches.persistence.OrgUnitRepository;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.Caller;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Role;
import org.civic.web.security.Scope;

/**
 * The caller of the current request as the services need it: their {@link Scope} (which the
 * repositories AND into every query) and the checks of writes. Only for request paths: event
 * consumers have no caller and are not scoped.
 */
@ApplicationScoped
public class Access {
  private final CurrentCaller current;
  private final BranchRepository branches;

  Access(CurrentCaller current, BranchRepository branches) {
    this.current = current;
    this.branches = branches;
  }

  public Caller caller() {
    return current.caller();
  }

  public Scope scope() {
    return current.scope();
  }

  public boolean is(Role role) {
    return caller().is(role);
  }

  /**
   * The org units the caller may see: the subtree of the unit their role is bound to (a street
   * administrator or city system also sees the street itself, which belongs to no community).
   */
  public Scope.Clause orgUnits() {
    Caller c = caller();
    boolean streetLevel = c.is(Role.STREET_ADMIN) || c.is(Role.CITY_SYSTEM);
    return OrgUnitRepository.visible(scope(), streetLevel ? c.orgUnitId() : null);
  }

  /**
   * Whether the caller may read reports of this community: it is in their communities, or it is the
   * community of their branch (a branch secretary; the report then shows their branch's part).
   */
  public boolean seesCommunity(UUID communityId) {
    Scope scope = scope();
    if (scope instanceof Scope.Branch b) {
      Branch own = branches.findById(b.branchId());
      return own != null && own.communityId.equals(communityId);
    }
    return scope.permits(communityId, null, null, null);
  }

  /** A write into this community: 403 unless it is in the caller's scope. */
  public void requireCommunity(UUID communityId) {
    if (!scope().permits(communityId, null, null, null)) {
      throw new AccessDenied("Community " + communityId + " is outside your organisation scope");
    }
  }

  /** A write to this branch: 403 unless the branch (or its community) is in the caller's scope. */
  public void requireBranch(UUID communityId, UUID branchId) {
    if (!scope().permits(communityId, branchId, null, null)) {
      throw new AccessDenied("Branch " + branchId + " is outside your organisation scope");
    }
  }
}
