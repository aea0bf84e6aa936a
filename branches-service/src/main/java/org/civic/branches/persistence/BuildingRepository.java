package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.branches.domain.Building;
import org.civic.web.paging.PageRequest;
import org.civic.web.persistence.HqlCount;
import org.civic.web.security.Scope;

@ApplicationScoped
public class BuildingRepository implements PanacheRepositoryBase<Building, UUID> {
  private static final String SELECT = "select b from Building b";
  private static final String ORDER = "order by b.name, b.id";

  /** Community scope: the building's community; branch scope: the branch covering it. */
  static Scope.Clause visible(Scope scope) {
    return scope.clause(
        "b.communityId",
        "(select c.branchId from BranchCoverage c where c.buildingId = b.id)",
        null,
        null);
  }

  public boolean nameTaken(UUID communityId, String name) {
    return HqlCount.any(
        getEntityManager(),
        Building.class,
        "communityId = :community and name = :name",
        Map.of("community", communityId, "name", name.trim()));
  }

  public Optional<Building> findVisible(UUID id, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            Building.class,
            SELECT,
            "b.id = :id",
            visible(scope),
            null,
            Scoped.params("id", id))
        .getResultStream()
        .findFirst();
  }

  /** A page of the visible buildings, of one community when {@code communityId} is given. */
  public List<Building> page(UUID communityId, Scope scope, PageRequest page) {
    return Scoped.query(
            getEntityManager(),
            Building.class,
            SELECT,
            where(communityId),
            visible(scope),
            ORDER,
            params(communityId))
        .setFirstResult(page.offset())
        .setMaxResults(page.size)
        .getResultList();
  }

  public long countIn(UUID communityId, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            Long.class,
            "select count(b) from Building b",
            where(communityId),
            visible(scope),
            null,
            params(communityId))
        .getSingleResult();
  }

  /** Every visible building of the community, sorted by name. */
  public List<Building> inCommunity(UUID communityId, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            Building.class,
            SELECT,
            where(communityId),
            visible(scope),
            ORDER,
            params(communityId))
        .getResultList();
  }

  private static String where(UUID communityId) {
    return communityId == null ? "1 = 1" : "b.communityId = :community";
  }

  private static Map<String, Object> params(UUID communityId) {
    return communityId == null ? Map.of() : Scoped.params("community", communityId);
  }
}
