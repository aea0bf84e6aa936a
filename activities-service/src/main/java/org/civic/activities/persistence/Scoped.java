package org.civic.activities.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civic.web.persistence.HqlCount;
import org.civic.web.security.Scope;

/**
 * Helpers to AND a caller's {@link Scope.Clause} into a Panache query, so every list, report and
 * single read is limited by the database to what the caller may see.
 */
public final class Scoped {
  private Scoped() {}

  /** {@code where and (clause)}. */
  public static String where(String where, Scope.Clause clause) {
    return "(" + where + ") and (" + clause.condition() + ")";
  }

  /** The query's parameters plus the clause's (all named {@code scope_...}). */
  public static Map<String, Object> params(Map<String, Object> params, Scope.Clause clause) {
    Map<String, Object> all = new HashMap<>(params);
    all.putAll(clause.parameters());
    return all;
  }

  /** The entity with this id if the clause lets the caller see it; empty otherwise. */
  public static <E> Optional<E> byId(
      PanacheRepositoryBase<E, ?> repository, String idField, UUID id, Scope.Clause clause) {
    return repository
        .find(where(idField + " = :id", clause), params(Map.of("id", id), clause))
        .firstResultOptional();
  }

  /** Whether a row of the entity matches {@code where} and the clause. */
  public static boolean any(
      EntityManager em,
      Class<?> entity,
      String where,
      Map<String, Object> params,
      Scope.Clause clause) {
    return count(em, entity, where(where, clause), params(params, clause)) > 0;
  }

  /** The rows of the entity that match {@code where}: a cached HQL count ({@link HqlCount}). */
  public static long count(
      EntityManager em, Class<?> entity, String where, Map<String, Object> params) {
    return HqlCount.of(em, entity, where, params);
  }

  /** A clause for a MEMBER caller, for tables where "their own" needs a sub-query. */
  static Scope.Clause self(Scope.Self self, String condition) {
    return new Scope.Clause(condition, Map.of("scope_member", self.memberId()));
  }
}
