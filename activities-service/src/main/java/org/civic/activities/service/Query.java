package org.civic.activities.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
}
