package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.security.Scope;

@ApplicationScoped
public class VolunteerServiceRepository implements PanacheRepositoryBase<VolunteerService, UUID> {

  /** Staff: records of their communities or branch; a member: their own records. */
  public static Scope.Clause visibleTo(Scope scope) {
    return scope.clause("communityId", "branchId", "memberId", null);
  }
}
