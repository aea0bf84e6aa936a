package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.branches.domain.OrgUnit;
import org.civic.web.paging.PageRequest;
import org.civic.web.persistence.HqlCount;
import org.civic.web.persistence.InList;
import org.civic.web.persistence.InListChunks;
import org.civic.web.security.Scope;

@ApplicationScoped
public class OrgUnitRepository implements PanacheRepositoryBase<OrgUnit, UUID> {
  private static final String ORDER = "order by u.name, u.id";
  private static final String SELECT = "select u from OrgUnit u";

  /**
   * The org units a caller may see: their communities' units (or their branch and its party
   * groups), plus the street itself for a caller bound to a street ({@code street}, null if none).
   */
  public static Scope.Clause visible(Scope scope, UUID street) {
    Scope.Clause c = scope.clause("u.communityId", "u.branchId", null, null);
    if (street == null) {
      return c;
    }
    Map<String, Object> params = new HashMap<>(c.parameters());
    params.put("scope_street", street);
    return new Scope.Clause("(" + c.condition() + " or u.id = :scope_street)", params);
  }

  public Optional<OrgUnit> findVisible(UUID id, Scope.Clause visible) {
    return Scoped.query(
            getEntityManager(),
            OrgUnit.class,
            SELECT,
            "u.id = :id",
            visible,
            null,
            Scoped.params("id", id))
        .getResultStream()
        .findFirst();
  }

  /** A page of the visible children of {@code parentId}. */
  public List<OrgUnit> children(UUID parentId, Scope.Clause visible, PageRequest page) {
    return Scoped.query(
            getEntityManager(),
            OrgUnit.class,
            SELECT,
            "u.parentId = :parent",
            visible,
            ORDER,
            Scoped.params("parent", parentId))
        .setFirstResult(page.offset())
        .setMaxResults(page.size)
        .getResultList();
  }

  public long countChildren(UUID parentId, Scope.Clause visible) {
    return Scoped.query(
            getEntityManager(),
            Long.class,
            "select count(u) from OrgUnit u",
            "u.parentId = :parent",
            visible,
            null,
            Scoped.params("parent", parentId))
        .getSingleResult();
  }

  /**
   * The visible children of any of these units (one level of a tree), ordered by name within each
   * parent. {@link InListChunks}: a collection parameter would make Hibernate translate the query
   * again on every call (ADR 0009).
   */
  public List<OrgUnit> childrenOf(Collection<UUID> parentIds, Scope.Clause visible) {
    return InListChunks.list(
        "u.parentId", "parent", parentIds, in -> childrenQuery(in, visible).getResultList());
  }

  TypedQuery<OrgUnit> childrenQuery(InList parents, Scope.Clause visible) {
    return Scoped.query(
        getEntityManager(),
        OrgUnit.class,
        SELECT,
        parents.condition(),
        visible,
        ORDER,
        parents.parameters());
  }

  public boolean codeTaken(String code) {
    return code != null
        && HqlCount.any(getEntityManager(), OrgUnit.class, "code = :code", Map.of("code", code));
  }

  public boolean nameTaken(UUID parentId, String name) {
    return parentId == null
        ? HqlCount.any(
            getEntityManager(),
            OrgUnit.class,
            "parentId is null and name = :name",
            Map.of("name", name.trim()))
        : HqlCount.any(
            getEntityManager(),
            OrgUnit.class,
            "parentId = :parent and name = :name",
            Map.of("parent", parentId, "name", name.trim()));
  }
}
