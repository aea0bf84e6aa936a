package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.*;

@ApplicationScoped
public class RosterAssignmentRepository implements PanacheRepositoryBase<RosterAssignment, UUID> {

  public List<RosterAssignment> onRoster(UUID branchId) {
    return list("branchId", Sort.by("memberName").and("memberId"), branchId);
  }
}
