package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.persistence.InList;
import org.civic.web.security.Scope;

@ApplicationScoped
public class RosterHistoryRepository implements PanacheRepositoryBase<RosterHistoryEntry, Long> {

  public List<RosterHistoryEntry> openFor(UUID memberId) {
    return list("memberId = ?1 and toTime is null", memberId);
  }

  /** The open entries of these members, one query (a consumer's batch, ADR 0008). */
  public List<RosterHistoryEntry> openForAll(Collection<UUID> memberIds) {
    if (memberIds.isEmpty()) {
      return List.of();
    }
    InList in = InList.of("memberId", "m", memberIds);
    return list(in.condition() + " and toTime is null", in.parameters());
  }

  /** The households on a branch's roster at some time in the period, as far as the caller sees. */
  public List<UUID> householdsAtBranchDuring(
      UUID branchId, OffsetDateTime from, OffsetDateTime to, Scope scope) {
    Scope.Clause c = scope.clause("h.communityId", "h.branchId", "h.memberId", "h.householdId");
    var query =
        getEntityManager()
            .createQuery(
                "select distinct h.householdId from RosterHistoryEntry h where h.branchId = :b"
                    + " and h.fromTime < :to and (h.toTime is null or h.toTime > :from)"
                    + " and ("
                    + c.condition()
                    + ")",
                UUID.class)
            .setParameter("b", branchId)
            .setParameter("from", from)
            .setParameter("to", to);
    c.parameters().forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * The whole roster history of one household (recording a visit). An equality rather than {@link
   * #forHouseholds} with a one-element list: Hibernate translates a query with a list parameter
   * again on every call, this one once.
   */
  public List<RosterHistoryEntry> forHousehold(UUID household) {
    return list("householdId = ?1", Sort.by("fromTime").and("id"), household);
  }

  /**
   * The whole roster history of these households, at every branch: input of the duty computation
   * (when did this branch take a household over), never listed as such.
   */
  public List<RosterHistoryEntry> forHouseholds(Collection<UUID> households) {
    if (households.isEmpty()) {
      return List.of();
    }
    InList in = InList.of("householdId", "h", households);
    return list(in.condition(), Sort.by("fromTime").and("id"), in.parameters());
  }
}
