package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.UUID;
import org.civic.members.domain.KnownBuilding;
import org.civic.web.security.Scope;

@ApplicationScoped
public class KnownBuildingRepository implements PanacheRepositoryBase<KnownBuilding, UUID> {

  /** Whether the building is within the caller's scope (see {@link ScopeClauses#buildings}). */
  public boolean visible(UUID id, Scope scope) {
    Scope.Clause clause = ScopeClauses.buildings(scope, "b");
    TypedQuery<Long> q =
        getEntityManager()
            .createQuery(
                "select count(b) from KnownBuilding b where b.id = :id and " + clause.condition(),
                Long.class)
            .setParameter("id", id);
    clause.parameters().forEach(q::setParameter);
    return q.getSingleResult() > 0;
  }
}
