package org.civic.web.security;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

  @Inject EntityManager em;

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
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<UUID> communitiesUnder(UUID orgUnitId) {
    List<UUID> rows =
        em.createNativeQuery(
                "select community_id from org_scope where ancestor_id = ?1", UUID.class)
            .setParameter(1, orgUnitId)
            .getResultList();
    return new HashSet<>(rows);
  }
}
