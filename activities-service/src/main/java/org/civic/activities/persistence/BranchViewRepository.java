package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.activities.domain.*;

@ApplicationScoped
public class BranchViewRepository implements PanacheRepositoryBase<BranchView, UUID> {

  /**
   * The branch as committed now, not kept in the session afterwards: for a consumer that does not
   * write branch views and keeps its session across a batch (the members consumer, ADR 0008), so a
   * later event reads it again rather than an older copy.
   */
  public BranchView readOnce(UUID branchId) {
    BranchView b = findById(branchId);
    if (b != null) {
      getEntityManager().detach(b);
    }
    return b;
  }
}
