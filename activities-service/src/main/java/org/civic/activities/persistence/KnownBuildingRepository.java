package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.KnownBuilding;
import org.civic.web.security.Scope;

@ApplicationScoped
public class KnownBuildingRepository implements PanacheRepositoryBase<KnownBuilding, UUID> {

  /** Community scopes: buildings of the communities; a branch: the buildings of its community. */
  public static Scope.Clause visibleTo(Scope scope) {
    if (scope instanceof Scope.Branch b) {
      return new Scope.Clause(
          "communityId in (select v.communityId from BranchView v where v.branchId = :scope_branch)",
          Map.of("scope_branch", b.branchId()));
    }
    return scope.clause("communityId", null, null, null);
  }

  public Optional<KnownBuilding> findVisible(UUID id, Scope scope) {
    return Scoped.byId(this, "id", id, visibleTo(scope));
  }
}
