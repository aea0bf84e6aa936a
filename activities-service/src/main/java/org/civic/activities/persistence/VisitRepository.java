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
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {

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
