package org.civic.members.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.members.domain.Transfer;
import org.civic.members.domain.TransferDirection;
import org.civic.members.domain.TransferState;
import org.civic.web.security.Scope;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

  /** Whether the member has a transfer that is still open (requested and not expired). */
  public boolean openFor(UUID memberId, LocalDate today) {
    return count(
            "memberId = ?1 and storedState = ?2 and validUntil >= ?3",
            memberId,
            TransferState.REQUESTED,
            today)
        > 0;
  }

  /** The transfer if the caller's scope includes it. */
  public Optional<Transfer> findVisible(UUID id, Scope scope) {
    Scope.Clause clause = ScopeClauses.transfers(scope, "t");
    TypedQuery<Transfer> q =
        getEntityManager()
            .createQuery(
                "select t from Transfer t where t.id = :id and " + clause.condition(),
                Transfer.class)
            .setParameter("id", id);
    clause.parameters().forEach(q::setParameter);
    return q.getResultStream().findFirst();
  }

  /** One page of the transfers within the caller's scope, newest first. */
  public List<Transfer> search(
      Scope scope,
      UUID communityId,
      UUID memberId,
      TransferDirection direction,
      TransferState state,
      LocalDate today,
      int offset,
      int limit) {
    Map<String, Object> params = new HashMap<>();
    String where = where(scope, communityId, memberId, direction, state, today, params);
    TypedQuery<Transfer> q =
        getEntityManager()
            .createQuery(
                "select t from Transfer t" + where + " order by t.requestedAt desc, t.id",
                Transfer.class);
    params.forEach(q::setParameter);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /** How many transfers within the caller's scope match. */
  public long count(
      Scope scope,
      UUID communityId,
      UUID memberId,
      TransferDirection direction,
      TransferState state,
      LocalDate today) {
    Map<String, Object> params = new HashMap<>();
    String where = where(scope, communityId, memberId, direction, state, today, params);
    TypedQuery<Long> q =
        getEntityManager().createQuery("select count(t) from Transfer t" + where, Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  private static String where(
      Scope scope,
      UUID communityId,
      UUID memberId,
      TransferDirection direction,
      TransferState state,
      LocalDate today,
      Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    Scope.Clause visible = ScopeClauses.transfers(scope, "t");
    clauses.add(visible.condition());
    params.putAll(visible.parameters());
    if (communityId != null) {
      clauses.add("t.communityId = :community");
      params.put("community", communityId);
    }
    if (memberId != null) {
      clauses.add("t.memberId = :member");
      params.put("member", memberId);
    }
    if (direction != null) {
      clauses.add("t.direction = :direction");
      params.put("direction", direction);
    }
    if (state == TransferState.REQUESTED) {
      clauses.add("t.storedState = :requested and t.validUntil >= :today");
      params.put("requested", TransferState.REQUESTED);
      params.put("today", today);
    } else if (state == TransferState.EXPIRED) {
      clauses.add(
          "(t.storedState = :expired or (t.storedState = :requested and t.validUntil < :today))");
      params.put("expired", TransferState.EXPIRED);
      params.put("requested", TransferState.REQUESTED);
      params.put("today", today);
    } else if (state != null) {
      clauses.add("t.storedState = :state");
      params.put("state", state);
    }
    return " where " + String.join(" and ", clauses);
  }
}
