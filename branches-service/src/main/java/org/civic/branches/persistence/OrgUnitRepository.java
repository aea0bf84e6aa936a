package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.OrgUnit;
import org.civic.web.paging.PageRequest;

@ApplicationScoped
public class OrgUnitRepository implements PanacheRepositoryBase<OrgUnit, UUID> {
  private static final Sort ORDER = Sort.by("name").and("id");

  /** Children of {@code parentId}, or the roots when it is null. */
  public List<OrgUnit> children(UUID parentId, PageRequest page) {
    return (parentId == null ? find("parentId is null", ORDER) : find("parentId", ORDER, parentId))
        .page(page.page, page.size)
        .list();
  }

  public long countChildren(UUID parentId) {
    return parentId == null ? count("parentId is null") : count("parentId", parentId);
  }

  public List<OrgUnit> childrenOf(Collection<UUID> parentIds) {
    return parentIds.isEmpty() ? List.of() : list("parentId in ?1", ORDER, parentIds);
  }

  public boolean codeTaken(String code) {
    return code != null && count("code", code) > 0;
  }

  public boolean nameTaken(UUID parentId, String name) {
    return parentId == null
        ? count("parentId is null and name = ?1", name.trim()) > 0
        : count("parentId = ?1 and name = ?2", parentId, name.trim()) > 0;
  }
}
