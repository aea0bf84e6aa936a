package org.civic.web.persistence;

import jakarta.persistence.EntityManager;
import java.util.Map;

/**
 * Counts rows with a plain HQL {@code select count(*)}, whose SQL Hibernate translates once and
 * caches by the query text. Not Panache's {@code count}: in Hibernate 7 it goes through {@code
 * getResultCount}, which copies the query and translates it to SQL again on every call (a quarter
 * of a visit recording's CPU was one such count, session 6).
 */
public final class HqlCount {
  private HqlCount() {}

  /** The rows of the entity that match {@code where} (named parameters only). */
  public static long of(
      EntityManager em, Class<?> entity, String where, Map<String, Object> params) {
    var query =
        em.createQuery(
            "select count(*) from " + entity.getSimpleName() + " where " + where, Long.class);
    params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** Whether any row of the entity matches {@code where}. */
  public static boolean any(
      EntityManager em, Class<?> entity, String where, Map<String, Object> params) {
    return of(em, entity, where, params) > 0;
  }
}
