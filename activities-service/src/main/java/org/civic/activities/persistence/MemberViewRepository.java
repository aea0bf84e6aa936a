package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.*;

@ApplicationScoped
public class MemberViewRepository implements PanacheRepositoryBase<MemberView, UUID> {

  public List<MemberView> inHousehold(UUID householdId) {
    return list("householdId", Sort.by("name").and("memberId"), householdId);
  }
}
