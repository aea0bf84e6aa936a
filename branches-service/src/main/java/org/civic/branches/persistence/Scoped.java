package org.civic.branches.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.Map;
import org.civic.web.security.Scope;

/**
 * Runs JPQL with a caller's {@link Scope.Clause} ANDed into the WHERE clause, so lists, counts and
 * single reads only ever load rows the caller may see.
 */
final class Scoped {
  private Scoped() {}

  /**
   * {@code select} and {@code where} (without the scope) and {@code tail} (order by...) make the
   * query; {@code params} are its own parameters.
   */
  static <T> TypedQuery<T> query(
      EntityManager em,
      Class<T> type,
      String select,
      String where,
      Scope.Clause scope,
      String tail,
      Map<String, Object> params) {
    String jpql =
        select
            + " where ("
            + where
            + ") and ("
            + scope.condition()
            + ")"
            + (tail == null ? "" : " " + tail);
    TypedQuery<T> query = em.createQuery(jpql, type);
    Map<String, Object> all = new HashMap<>(params);
    all.putAll(scope.parameters());
    all.forEach(query::setParameter);
    return query;
  }

  /** Parameters from alternating names and values. */
  static Map<String, Object> params(Object... namesAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }
}
