package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.persistence.InList;
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
    if (households.isEmpty()) {
      return List.of();
    }
    InList in = InList.of("householdId", "h", households);
    return list(
        in.condition() + " and visitedAt >= :from and visitedAt < :to",
        Sort.by("visitedAt").and("id"),
        in.parametersWith(Map.of("from", from, "to", to)));
  }
}
