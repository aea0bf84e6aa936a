package org.civic.web.security;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The org tree above each community, as far as a service that does not own the tree needs it: one
 * row per (community, ancestor) in table {@code org_scope}, filled from the {@code orgPath} of
 * BuildingRegistered. Street scope = the communities whose ancestors include the street.
 */
@DefaultBean
@ApplicationScoped
public class StoredCommunityDirectory implements CommunityDirectory {

  /** Asked on every request of a street-wide caller; a new community shows within seconds. */
  private final ExpiringCache<UUID, Set<UUID>> cache =
      new ExpiringCache<>(Duration.ofSeconds(5), 10_000);

  @Inject EntityManager em;
  @Inject TransactionSynchronizationRegistry transactions;

  /** Records a community's path from the root (the community itself may be last or absent). */
  public void record(UUID communityId, List<UUID> orgPath) {
    Set<UUID> ancestors = new LinkedHashSet<>();
    if (orgPath != null) {
      ancestors.addAll(orgPath);
    }
    ancestors.add(communityId);
    for (UUID ancestor : ancestors) {
      em.createNativeQuery(
              "insert into org_scope (community_id, ancestor_id) values (?1, ?2)"
                  + " on conflict do nothing")
          .setParameter(1, communityId)
          .setParameter(2, ancestor)
          .executeUpdate();
    }
    cache.clearNowAndAfterCommit(transactions);
  }

  @Override
  public Set<UUID> communitiesUnder(UUID orgUnitId) {
    return orgUnitId == null ? Set.of() : cache.get(orgUnitId, this::load);
  }

  // A native query with a result class (UUID.class) builds a new result mapping per call that
  // Hibernate 7's plan cache keeps colliding on: 21 % of a member read's CPU went there. Without
  // the class the PostgreSQL driver returns UUIDs as they are.
  private Set<UUID> load(UUID orgUnitId) {
    List<?> rows =
        em.createNativeQuery("select community_id from org_scope where ancestor_id = ?1")
            .setParameter(1, orgUnitId)
            .getResultList();
    Set<UUID> communities = new HashSet<>();
    rows.forEach(row -> communities.add((UUID) row));
    return Set.copyOf(communities);
  }
}
