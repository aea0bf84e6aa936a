package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.civic.branches.domain.Honour;
import org.civic.branches.domain.HonourKind;

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

  public List<Honour> search(UUID communityId, Integer year) {
    StringBuilder q = new StringBuilder("1 = 1");
    io.quarkus.panache.common.Parameters p = new io.quarkus.panache.common.Parameters();
    if (communityId != null) {
      q.append(" and communityId = :c");
      p.and("c", communityId);
    }
    if (year != null) {
      q.append(" and year = :y");
      p.and("y", year);
    }
    return list(q + " order by year desc, kind, awardedOn, id", p);
  }
}
