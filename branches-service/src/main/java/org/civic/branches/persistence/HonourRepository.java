package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.civic.branches.domain.Honour;
import org.civic.branches.domain.HonourKind;
import org.civic.web.security.Scope;

@ApplicationScoped
public class HonourRepository implements PanacheRepositoryBase<Honour, UUID> {
  public boolean alreadyAwarded(
      HonourKind kind, int year, UUID branch, UUID building, UUID member) {
    return list("kind = ?1 and year = ?2", kind, year).stream()
        .anyMatch(
            h ->
                Objects.equals(h.branchId, branch)
                    && Objects.equals(h.buildingId, building)
                    && Objects.equals(h.memberId, member));
  }

  /**
   * The honours the caller may see (community scope: their communities; branch scope: honours of
   * their branch), newest first.
   *
   * @param withPersons false to leave out honours of named members (OUTSTANDING_MEMBER)
   */
  public List<Honour> search(UUID communityId, Integer year, boolean withPersons, Scope scope) {
    StringBuilder where = new StringBuilder("1 = 1");
    Map<String, Object> params = Scoped.params();
    if (communityId != null) {
      where.append(" and h.communityId = :c");
      params.put("c", communityId);
    }
    if (year != null) {
      where.append(" and h.year = :y");
      params.put("y", year);
    }
    if (!withPersons) {
      where.append(" and h.kind <> :person");
      params.put("person", HonourKind.OUTSTANDING_MEMBER);
    }
    return Scoped.query(
            getEntityManager(),
            Honour.class,
            "select h from Honour h",
            where.toString(),
            scope.clause("h.communityId", "h.branchId", null, null),
            "order by h.year desc, h.kind, h.awardedOn, h.id",
            params)
        .getResultList();
  }
}
