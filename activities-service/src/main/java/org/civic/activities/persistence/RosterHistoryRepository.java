package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.*;

@ApplicationScoped
public class RosterHistoryRepository implements PanacheRepositoryBase<RosterHistoryEntry, Long> {

  public List<RosterHistoryEntry> openFor(UUID memberId) {
    return list("memberId = ?1 and toTime is null", memberId);
  }

  public List<UUID> householdsAtBranchDuring(
      UUID branchId, OffsetDateTime from, OffsetDateTime to) {
    return getEntityManager()
        .createQuery(
            "select distinct h.householdId from RosterHistoryEntry h where h.branchId = :b"
                + " and h.fromTime < :to and (h.toTime is null or h.toTime > :from)",
            UUID.class)
        .setParameter("b", branchId)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  public List<RosterHistoryEntry> forHouseholds(Collection<UUID> households) {
    return households.isEmpty()
        ? List.of()
        : list("householdId in ?1", Sort.by("fromTime").and("id"), households);
  }
}
