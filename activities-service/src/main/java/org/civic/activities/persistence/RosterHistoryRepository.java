package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.persistence.InList;

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
}
