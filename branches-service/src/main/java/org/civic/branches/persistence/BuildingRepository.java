package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.Building;
import org.civic.web.paging.PageRequest;

@ApplicationScoped
public class BuildingRepository implements PanacheRepositoryBase<Building, UUID> {

  public boolean nameTaken(UUID communityId, String name) {
    return count("communityId = ?1 and name = ?2", communityId, name.trim()) > 0;
  }

  public List<Building> page(UUID communityId, PageRequest page) {
    return (communityId == null
            ? findAll(Sort.by("name").and("id"))
            : find("communityId", Sort.by("name").and("id"), communityId))
        .page(page.page, page.size)
        .list();
  }

  public long countIn(UUID communityId) {
    return communityId == null ? count() : count("communityId", communityId);
  }
}
