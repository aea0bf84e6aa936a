package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

  /** One page of members matching the query, sorted by name then id (stable). */
  public List<Member> search(MemberQuery query, LocalDate today, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, today, params);
    TypedQuery<Member> q =
        getEntityManager()
            .createQuery("select m from Member m" + where + " order by m.name, m.id", Member.class);
    params.forEach(q::setParameter);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(MemberQuery query, LocalDate today) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, today, params);
    TypedQuery<Long> q =
        getEntityManager().createQuery("select count(m) from Member m" + where, Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /**
   * Applies a RosterChanged event without touching the member's version (roster membership is
   * another service's fact, not an edit of the record): JOINED sets the branch; LEFT clears it if
   * it names the same branch. Events not newer than the last applied are ignored.
   *
   * @return whether the member existed and the event was newer
   */
  public boolean applyRoster(UUID memberId, UUID branchId, boolean joined, long rosterVersion) {
    String sql =
        joined
            ? "update member set branch_id = :branch, roster_version = :v"
                + " where id = :id and roster_version < :v"
            : "update member set branch_id = case when branch_id = :branch then null else"
                + " branch_id end, roster_version = :v where id = :id and roster_version < :v";
    return getEntityManager()
            .createNativeQuery(sql)
            .setParameter("branch", branchId)
            .setParameter("v", rosterVersion)
            .setParameter("id", memberId)
            .executeUpdate()
        > 0;
  }

  private static String where(MemberQuery query, LocalDate today, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (query.communityId() != null) {
      clauses.add("m.communityId = :community");
      params.put("community", query.communityId());
    }
    if (query.buildingId() != null) {
      clauses.add("m.buildingId = :building");
      params.put("building", query.buildingId());
    }
    if (query.householdId() != null) {
      clauses.add("m.householdId = :household");
      params.put("household", query.householdId());
    }
    if (query.branchId() != null) {
      clauses.add("m.branchId = :branch");
      params.put("branch", query.branchId());
    }
    if (query.category() != null) {
      clauses.add("m.category = :category");
      params.put("category", query.category());
    }
    if (query.standing() != null) {
      clauses.add("m.standing = :standing");
      params.put("standing", query.standing());
    }
    if (query.status() != null) {
      clauses.add("m.status = :status");
      params.put("status", query.status());
    }
    if (query.specialty() != null && !query.specialty().isBlank()) {
      clauses.add(":tag member of m.specialties");
      params.put("tag", query.specialty().trim().toLowerCase(Locale.ROOT));
    }
    if (query.minAge() != null) {
      clauses.add("m.birthDate <= :bornOnOrBefore");
      params.put("bornOnOrBefore", MemberRules.bornOnOrBefore(query.minAge(), today));
    }
    if (query.maxAge() != null) {
      clauses.add("m.birthDate > :bornAfter");
      params.put("bornAfter", MemberRules.bornAfter(query.maxAge(), today));
    }
    if (query.q() != null && !query.q().isBlank()) {
      // ILIKE-like: lower() on both sides, with LIKE wildcards in the text escaped. Works for
      // Chinese names (lower() leaves them unchanged), which is what the register holds.
      clauses.add("lower(m.name) like :q escape '!'");
      params.put("q", "%" + escapeLike(query.q().trim().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.lostContactSinceMonths() != null) {
      clauses.add("m.status = :lostContact and m.statusSince <= :lostSince");
      params.put("lostContact", MemberStatus.LOST_CONTACT);
      params.put("lostSince", MemberRules.lostContactCutoff(query.lostContactSinceMonths(), today));
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
