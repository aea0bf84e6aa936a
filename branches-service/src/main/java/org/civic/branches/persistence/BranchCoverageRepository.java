package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.domain.BranchCoverage;

@ApplicationScoped
public class BranchCoverageRepository implements PanacheRepositoryBase<BranchCoverage, UUID> {

  public List<BranchCoverage> ofBranch(UUID branchId) {
    return list("branchId = ?1 order by buildingId", branchId);
  }

  public List<UUID> buildingIds(UUID branchId) {
    return ofBranch(branchId).stream().map(c -> c.buildingId).toList();
  }

  /** building id → covering branch id, for the buildings that are covered. */
  public Map<UUID, UUID> coveringBranches(Collection<UUID> buildingIds) {
    Map<UUID, UUID> map = new HashMap<>();
    if (!buildingIds.isEmpty()) {
      for (BranchCoverage c : list("buildingId in ?1", buildingIds)) {
        map.put(c.buildingId, c.branchId);
      }
    }
    return map;
  }

  /** branch id → its buildings, for the given branches. */
  public Map<UUID, List<UUID>> buildingsOf(Collection<UUID> branchIds) {
    Map<UUID, List<UUID>> map = new HashMap<>();
    for (UUID id : branchIds) {
      map.put(id, new java.util.ArrayList<>());
    }
    if (!branchIds.isEmpty()) {
      for (BranchCoverage c : list("branchId in ?1 order by buildingId", branchIds)) {
        map.get(c.branchId).add(c.buildingId);
      }
    }
    return map;
  }
}
