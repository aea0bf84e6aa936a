package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.BranchRules;
import org.civic.branches.domain.BranchStatus;
import org.civic.branches.domain.Standing;
import org.civic.web.paging.PageRequest;
import org.civic.web.security.Scope;

@ApplicationScoped
public class BranchRepository implements PanacheRepositoryBase<Branch, UUID> {
  private static final String SELECT = "select b from Branch b";
  private static final String ORDER = "order by b.name, b.id";

  /** Community scope: the branch's community; branch scope: the branch itself. */
  static Scope.Clause visible(Scope scope) {
    return scope.clause("b.communityId", "b.id", null, null);
  }

  public Optional<Branch> findVisible(UUID id, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            Branch.class,
            SELECT,
            "b.id = :id",
            visible(scope),
            null,
            Scoped.params("id", id))
        .getResultStream()
        .findFirst();
  }

  public List<Branch> page(UUID communityId, BranchStatus status, Scope scope, PageRequest page) {
    Filter f = filter(communityId, status);
    return Scoped.query(
            getEntityManager(), Branch.class, SELECT, f.where, visible(scope), ORDER, f.params)
        .setFirstResult(page.offset())
        .setMaxResults(page.size)
        .getResultList();
  }

  public long countWhere(UUID communityId, BranchStatus status, Scope scope) {
    Filter f = filter(communityId, status);
    return Scoped.query(
            getEntityManager(),
            Long.class,
            "select count(b) from Branch b",
            f.where,
            visible(scope),
            null,
            f.params)
        .getSingleResult();
  }

  /**
   * Active branches with fewer than {@link BranchRules#MIN_FULL_MEMBERS} full members on their
   * roster, that the caller may see.
   */
  public List<Branch> belowMinimum(UUID communityId, Scope scope) {
    Filter f = filter(communityId, BranchStatus.ACTIVE);
    f.params.put("full", Standing.FULL);
    f.params.put("minimum", (long) BranchRules.MIN_FULL_MEMBERS);
    return Scoped.query(
            getEntityManager(),
            Branch.class,
            SELECT,
            f.where
                + " and (select count(e) from RosterEntry e, Resident r"
                + " where e.memberId = r.memberId and e.branchId = b.id and r.standing = :full)"
                + " < :minimum",
            visible(scope),
            ORDER,
            f.params)
        .getResultList();
  }

  private record Filter(String where, Map<String, Object> params) {}

  private static Filter filter(UUID communityId, BranchStatus status) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = Scoped.params();
    if (communityId != null) {
      where.append(" and b.communityId = :community");
      params.put("community", communityId);
    }
    if (status != null) {
      where.append(" and b.status = :status");
      params.put("status", status);
    }
    return new Filter(where.toString(), params);
  }
}
