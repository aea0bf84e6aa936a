package org.civic.branches.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic.web.security.CommunityDirectory;
import org.civic.web.security.ExpiringCache;

/**
 * Resolves callers' scopes from the organisation tree this service owns (table {@code org_unit}),
 * instead of the {@code org_scope} copy the other services keep: a street → the communities under
 * it, a community → itself, anything else (a branch, a party group, an unknown id) → none.
 */
@ApplicationScoped
public class OrgTreeDirectory implements CommunityDirectory {

  /** Asked on every request of a street-wide caller; cleared when the tree changes here. */
  private final ExpiringCache<UUID, Set<UUID>> cache =
      new ExpiringCache<>(Duration.ofSeconds(5), 10_000);

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transactions;

  @Override
  public Set<UUID> communitiesUnder(UUID orgUnitId) {
    return orgUnitId == null ? Set.of() : cache.get(orgUnitId, this::load);
  }

  /** Call after adding an org unit: streets and communities change what lies under a unit. */
  public void treeChanged() {
    cache.clearNowAndAfterCommit(transactions);
  }

  // No result class: see StoredCommunityDirectory.load.
  private Set<UUID> load(UUID orgUnitId) {
    List<?> rows =
        em.createNativeQuery(
                "with recursive sub (id, kind) as ("
                    + " select id, kind from org_unit where id = ?1"
                    + " union all"
                    + " select o.id, o.kind from org_unit o join sub on o.parent_id = sub.id"
                    + "   where sub.kind = 'STREET_WORKING_COMMITTEE')"
                    + " select id from sub where kind = 'COMMUNITY_COMMITTEE'")
            .setParameter(1, orgUnitId)
            .getResultList();
    Set<UUID> communities = new HashSet<>();
    rows.forEach(row -> communities.add((UUID) row));
    return Set.copyOf(communities);
  }
}
