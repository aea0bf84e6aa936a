package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.BranchStatus;
import org.civic.web.paging.PageRequest;

@ApplicationScoped
public class BranchRepository implements PanacheRepositoryBase<Branch, UUID> {

  private PanacheQuery<Branch> query(UUID communityId, BranchStatus status) {
    Parameters params = new Parameters();
    StringBuilder where = new StringBuilder("1 = 1");
    if (communityId != null) {
      where.append(" and communityId = :community");
      params.and("community", communityId);
    }
    if (status != null) {
      where.append(" and status = :status");
      params.and("status", status);
    }
    return find(where.toString(), Sort.by("name").and("id"), params);
  }

  public List<Branch> page(UUID communityId, BranchStatus status, PageRequest page) {
    return query(communityId, status).page(page.page, page.size).list();
  }

  public long countWhere(UUID communityId, BranchStatus status) {
    return query(communityId, status).count();
  }

  public List<Branch> active(UUID communityId) {
    return query(communityId, BranchStatus.ACTIVE).list();
  }
}
