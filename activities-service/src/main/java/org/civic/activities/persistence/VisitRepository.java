package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.security.Scope;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

  /** Staff: visits of their communities or branch; a member: the visits to their household. */
  public static Scope.Clause visibleTo(Scope scope) {
    return scope.clause("communityId", "branchId", null, "householdId");
  }

  public Optional<Visit> findVisible(UUID id, Scope scope) {
    return Scoped.byId(this, "id", id, visibleTo(scope));
  }
}
