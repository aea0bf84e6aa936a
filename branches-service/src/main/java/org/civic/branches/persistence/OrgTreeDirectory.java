package org.civic.branches.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic.web.security.CommunityDirectory;

/**
 * Resolves callers' scopes from the organisation tree this service owns (table {@code org_unit}),
 * instead of the {@code org_scope} copy the other services keep: a street → the communities under
 * it, a community → itself, anything else (a branch, a party group, an unknown id) → none.
 */
@ApplicationScoped
public class OrgTreeDirectory implements CommunityDirectory {

  @Inject EntityManager em;

  @Override
  @SuppressWarnings("unchecked")
  public Set<UUID> communitiesUnder(UUID orgUnitId) {
    if (orgUnitId == null) {
      return Set.of();
    }
    List<UUID> rows =
        em.createNativeQuery(
                "with recursive sub (id, kind) as ("
                    + " select id, kind from org_unit where id = ?1"
                    + " union all"
                    + " select o.id, o.kind from org_unit o join sub on o.parent_id = sub.id"
                    + "   where sub.kind = 'STREET_WORKING_COMMITTEE')"
                    + " select id from sub where kind = 'COMMUNITY_COMMITTEE'",
                UUID.class)
            .setParameter(1, orgUnitId)
            .getResultList();
    return new HashSet<>(rows);
  }
}
