package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.StatusChange;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepositoryBase<StatusChange, UUID> {
  public List<StatusChange> ofMember(UUID memberId) {
    return list("memberId", Sort.by("recordedAt").and("id"), memberId);
  }
}
