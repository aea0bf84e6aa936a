package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.domain.Category;
import org.civic.branches.domain.MemberStatus;
import org.civic.branches.domain.Resident;
import org.civic.branches.domain.ResidentCounts;
import org.civic.branches.domain.Standing;

@ApplicationScoped
public class ResidentRepository implements PanacheRepositoryBase<Resident, UUID> {
  static final List<MemberStatus> ON_ROSTER =
      List.of(MemberStatus.ACTIVE, MemberStatus.LOST_CONTACT);

  /** Live counts per building (an SQL aggregate: nothing to drift); missing buildings count 0. */
  public Map<UUID, ResidentCounts> countsByBuilding(Collection<UUID> buildingIds) {
    Map<UUID, ResidentCounts> counts = new HashMap<>();
    for (UUID id : buildingIds) {
      counts.put(id, ResidentCounts.empty());
    }
    if (buildingIds.isEmpty()) {
      return counts;
    }
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select r.buildingId, r.standing, r.category, count(r) from Resident r"
                    + " where r.buildingId in :ids and r.status in :statuses"
                    + " group by r.buildingId, r.standing, r.category",
                Object[].class)
            .setParameter("ids", buildingIds)
            .setParameter("statuses", ON_ROSTER)
            .getResultList();
    for (Object[] row : rows) {
      UUID building = (UUID) row[0];
      counts.put(
          building, counts.get(building).plus((Standing) row[1], (Category) row[2], (Long) row[3]));
    }
    return counts;
  }

  /** Members with a snapshot living in any of these buildings (any status). */
  public List<UUID> memberIdsIn(Collection<UUID> buildingIds) {
    if (buildingIds.isEmpty()) {
      return List.of();
    }
    return getEntityManager()
        .createQuery(
            "select r.memberId from Resident r where r.buildingId in :ids order by r.memberId",
            UUID.class)
        .setParameter("ids", buildingIds)
        .getResultList();
  }
}
