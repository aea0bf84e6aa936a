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
import org.civic.web.persistence.InList;
import org.civic.web.persistence.Managed;

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
    InList in = InList.of("r.buildingId", "b", buildingIds);
    InList onRoster = InList.of("r.status", "s", ON_ROSTER);
    var query =
        getEntityManager()
            .createQuery(
                "select r.buildingId, r.standing, r.category, count(r) from Resident r where "
                    + in.condition()
                    + " and "
                    + onRoster.condition()
                    + " group by r.buildingId, r.standing, r.category",
                Object[].class);
    in.parametersWith(onRoster.parameters()).forEach(query::setParameter);
    List<Object[]> rows = query.getResultList();
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
    InList in = InList.of("r.buildingId", "b", buildingIds);
    var query =
        getEntityManager()
            .createQuery(
                "select r.memberId from Resident r where "
                    + in.condition()
                    + " order by r.memberId",
                UUID.class);
    in.parameters().forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * Loads these members' residents into the session with one query (a consumer's batch): each event
   * then finds its resident with {@link #loaded}, without a round trip.
   */
  public void loadAll(Collection<UUID> memberIds) {
    if (memberIds.isEmpty()) {
      return;
    }
    InList in = InList.of("r.memberId", "m", memberIds);
    var query =
        getEntityManager()
            .createQuery("select r from Resident r where " + in.condition(), Resident.class);
    in.parameters().forEach(query::setParameter);
    query.getResultList();
  }

  /**
   * The member's resident as the session holds it, never a query: after {@link #loadAll} of this
   * member, null means there is none (yet).
   */
  public Resident loaded(UUID memberId) {
    return Managed.get(getEntityManager(), Resident.class, memberId);
  }
}
