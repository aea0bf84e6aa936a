package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.security.Scope;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

  /** Staff: visits of their communities or branch; a member: the visits to their household. */
  public static Scope.Clause visibleTo(Scope scope) {
    return scope.clause("communityId", "branchId", null, "householdId");
  }

  public Optional<Visit> findVisible(UUID id, Scope scope) {
    return Scoped.byId(this, "id", id, visibleTo(scope));
  }

  /**
   * Every visit to these households in the period, whichever branch made it: input of the duty
   * computation (which counts only the planned branch's visits), never listed as such.
   */
  public List<Visit> ofHouseholdsBetween(
      Collection<UUID> households, OffsetDateTime from, OffsetDateTime to) {
    return households.isEmpty()
        ? List.of()
        : list(
            "householdId in ?1 and visitedAt >= ?2 and visitedAt < ?3",
            Sort.by("visitedAt").and("id"),
            households,
            from,
            to);
  }
}
