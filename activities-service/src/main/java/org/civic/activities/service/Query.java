package org.civic.activities.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civic.activities.persistence.Scoped;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.security.Scope;

/** A small builder for filtered Panache queries: conditions joined by "and", named parameters. */
final class Query {
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  Query when(Object value, String condition, String name) {
    if (value != null) {
      conditions.add(condition);
      params.put(name, value);
    }
    return this;
  }

  /** ANDs a condition with several parameters. */
  Query when(String condition, Map<String, Object> values) {
    conditions.add(condition);
    params.putAll(values);
    return this;
  }

  /** ANDs the caller's scope into the query (every list is filtered by the database). */
  Query scoped(Scope.Clause clause) {
    conditions.add("(" + clause.condition() + ")");
    params.putAll(clause.parameters());
    return this;
  }

  String text() {
    return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
  }

  Map<String, Object> params() {
    return params;
  }

  /**
   * One page of the repository's rows that match, in this order, with the total. The total is a
   * plain HQL count, made only for a full page ({@link Page#of(List, PageRequest,
   * java.util.function.LongSupplier)}): Panache's {@code PanacheQuery.count()} goes through
   * Hibernate's {@code getResultCount}, which translates a copy of the query to SQL again on every
   * call (a quarter of a request's CPU where it was measured, bench/README session 6).
   */
  <T> Page<T> page(
      PanacheRepositoryBase<T, ?> repository, Class<T> entity, Sort sort, PageRequest page) {
    List<T> items = repository.find(text(), sort, params).page(page.page, page.size).list();
    return Page.of(
        items, page, () -> Scoped.count(repository.getEntityManager(), entity, text(), params));
  }
}
