package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.security.Scope;

@ApplicationScoped
public class ConcernRepository implements PanacheRepositoryBase<Concern, UUID> {

  /** Staff of the concern's branch or community only: members never see concerns here. */
  public static Scope.Clause visibleTo(Scope scope) {
    return scope.clause("communityId", "branchId", null, null);
  }

  public Optional<Concern> findVisible(UUID id, Scope scope) {
    return Scoped.byId(this, "id", id, visibleTo(scope));
  }
}
