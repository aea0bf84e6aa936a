package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.activities.domain.*;
import org.civic.web.persistence.InList;
import org.civic.web.persistence.InListChunks;
import org.civic.web.persistence.Managed;
import org.civic.web.security.Scope;

@ApplicationScoped
public class MemberViewRepository implements PanacheRepositoryBase<MemberView, UUID> {

  /**
   * Community scopes: members living in the communities; a branch: members on its roster now; a
   * member: themselves and their household.
   */
  public static Scope.Clause visibleTo(Scope scope) {
    if (scope instanceof Scope.Branch b) {
      return new Scope.Clause(
          "memberId in (select r.memberId from RosterAssignment r where r.branchId = :scope_branch)",
          Map.of("scope_branch", b.branchId()));
    }
    return scope.clause("communityId", null, "memberId", "householdId");
  }

  /**
   * The members of these households, by name within a household (callers group them by household: a
   * ledger's list of households has no small bound, so it is queried in chunks).
   */
  public List<MemberView> inHouseholds(Collection<UUID> households) {
    return InListChunks.list(
        "householdId",
        "h",
        households,
        in -> list(in.condition(), Sort.by("name").and("memberId"), in.parameters()));
  }

  /** These members (those known here), in no particular order. */
  public List<MemberView> withIds(Collection<UUID> memberIds) {
    return InListChunks.list(
        "memberId", "m", memberIds, in -> list(in.condition(), in.parameters()));
  }

  public List<MemberView> inHousehold(UUID householdId) {
    return list("householdId", Sort.by("name").and("memberId"), householdId);
  }

  /**
   * Loads these members' views into the session with one query (a members consumer's batch, ADR
   * 0008): each event then finds its view with {@link #loaded}, without a round trip. Only that
   * consumer writes member views, so the session may keep them for the batch.
   */
  public void loadAll(Collection<UUID> memberIds) {
    if (memberIds.isEmpty()) {
      return;
    }
    InList in = InList.of("m.memberId", "m", memberIds);
    var query =
        getEntityManager()
            .createQuery("select m from MemberView m where " + in.condition(), MemberView.class);
    in.parameters().forEach(query::setParameter);
    query.getResultList();
  }

  /**
   * The member's view as the session holds it, never a query: after {@link #loadAll} of this
   * member, null means there is none (yet).
   */
  public MemberView loaded(UUID memberId) {
    return Managed.get(getEntityManager(), MemberView.class, memberId);
  }

  /**
   * The member's view as committed now, not kept in the session afterwards: for a consumer that
   * does not write member views and keeps its session across a batch (the branches consumer), so a
   * later event reads it again rather than an older copy.
   */
  public MemberView readOnce(UUID memberId) {
    MemberView m = findById(memberId);
    if (m != null) {
      getEntityManager().detach(m);
    }
    return m;
  }
}
