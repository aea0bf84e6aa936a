package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.ResidenceChange;

@ApplicationScoped
public class ResidenceChangeRepository implements PanacheRepositoryBase<ResidenceChange, UUID> {
  public List<ResidenceChange> ofMember(UUID memberId) {
    return list("memberId", Sort.by("effectiveAt").and("recordedAt").and("id"), memberId);
  }
}
