package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.security.Scope;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

  /**
   * Staff: the activities of their communities or branch. A member: the activities they are (or
   * were) an expected attendee of.
   */
  public static Scope.Clause visibleTo(Scope scope) {
    if (scope instanceof Scope.Self self) {
      return Scoped.self(
          self,
          "id in (select x.activityId from ActivityAttendee x where x.memberId = :scope_member)");
    }
    return scope.clause("communityId", "branchId", null, null);
  }

  public Optional<Activity> findVisible(UUID id, Scope scope) {
    return Scoped.byId(this, "id", id, visibleTo(scope));
  }
}
