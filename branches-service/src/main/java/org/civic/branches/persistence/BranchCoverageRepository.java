package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.domain.BranchCoverage;
import org.civic.web.persistence.InList;
import org.civic.web.persistence.Managed;

@ApplicationScoped
public class BranchCoverageRepository implements PanacheRepositoryBase<BranchCoverage, UUID> {

  /**
   * The branch covering the building now. A coverage row this session holds (a branch change that
   * wrote or read it; such a change flushes before it reconciles) answers without a query. Any
   * other is read from the database on every call, as a column rather than an entity the session
   * would keep: a consumer's batch (ADR 0008) must see a branch change committed between its
   * events. No flush before that read: the consumers never change coverage.
   */
  public UUID coveringBranch(UUID buildingId) {
    BranchCoverage held = Managed.get(getEntityManager(), BranchCoverage.class, buildingId);
    if (held != null) {
      return held.branchId;
    }
    List<UUID> branch =
        getEntityManager()
            .createQuery(
                "select c.branchId from BranchCoverage c where c.buildingId = :building",
                UUID.class)
            .setParameter("building", buildingId)
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList();
    return branch.isEmpty() ? null : branch.get(0);
  }

  /**
   * The covering branch of each of these buildings, read now as columns (never entities the session
   * would keep), one statement: a consumer's batch reads its buildings' coverage once, after it has
   * locked the batch's roster entries (ADR 0008, ADR 0014). Uncovered buildings are absent.
   */
  public Map<UUID, UUID> coveringBranchesNow(Collection<UUID> buildingIds) {
    Map<UUID, UUID> map = new HashMap<>();
    if (buildingIds.isEmpty()) {
      return map;
    }
    InList in = InList.of("c.buildingId", "b", buildingIds);
    var query =
        getEntityManager()
            .createQuery(
                "select c.buildingId, c.branchId from BranchCoverage c where " + in.condition(),
                Object[].class)
            .setFlushMode(FlushModeType.COMMIT);
    in.parameters().forEach(query::setParameter);
    for (Object[] row : query.getResultList()) {
      map.put((UUID) row[0], (UUID) row[1]);
    }
    return map;
  }

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
      InList in = InList.of("buildingId", "b", buildingIds);
      for (BranchCoverage c : list(in.condition(), in.parameters())) {
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
      InList in = InList.of("branchId", "b", branchIds);
      for (BranchCoverage c : list(in.condition() + " order by buildingId", in.parameters())) {
        map.get(c.branchId).add(c.buildingId);
      }
    }
    return map;
  }
}
