package org.civic.activities.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.AuditLog;
import org.civic.web.security.Caller;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Role;
import org.civic.web.security.Scope;

/**
 * The caller of the current request as the services see it: their {@link Scope} (passed to every
 * repository query), the organisational checks on branches (403) and the audit log.
 */
@ApplicationScoped
public class Access {
  private final CurrentCaller current;
  private final AuditLog audit;

  Access(CurrentCaller current, AuditLog audit) {
    this.current = current;
    this.audit = audit;
  }

  public Scope scope() {
    return current.scope();
  }

  public Caller caller() {
    return current.caller();
  }

  public boolean is(Role role) {
    return caller().is(role);
  }

  /** Whether a branch (of this community) lies inside the caller's scope. */
  public boolean permitsBranch(UUID branchId, UUID communityId) {
    return scope().permits(communityId, branchId, null, null);
  }

  /**
   * A branch named by a report or targeted by a write must lie inside the caller's scope: 403
   * otherwise (branches are organisational records, their existence is no secret).
   */
  public void requireBranch(UUID branchId, UUID communityId) {
    if (!permitsBranch(branchId, communityId)) {
      throw new AccessDenied("Branch " + branchId + " is outside your organisation scope");
    }
  }

  /** Writes an audit entry (own transaction) unless nothing was read. */
  public void audited(
      AuditLog.Action action, String resourceType, Collection<UUID> recordIds, String detail) {
    if (action == AuditLog.Action.READ && recordIds.isEmpty()) {
      return;
    }
    audit.record(caller(), action, resourceType, recordIds, detail);
  }
}
