package org.civic.web.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code column in (:p0, ..., :pN)} for a JPQL query: one single-valued parameter per value, their
 * number padded to the next power of two by repeating the last value.
 *
 * <p>Why not {@code column in :values} with a collection: Hibernate caches a query's translation to
 * SQL only when no parameter may take several values, so a collection parameter (or any parameter
 * passed to a function) makes it translate the query on every call — a fifth to a quarter of the
 * CPU of the reads it was measured on (ADR 0009). Padding keeps the distinct query texts, and so
 * the cached translations, to one per power of two.
 *
 * @param condition the condition, to AND into a query
 * @param parameters its named parameters
 */
public record InList(String condition, Map<String, Object> parameters) {
  public InList {
    parameters = Map.copyOf(parameters);
  }

  /**
   * @param column the JPQL path, e.g. {@code h.householdId}
   * @param prefix the parameters' name prefix, distinct from the query's other parameters
   * @param values at least one value
   */
  public static InList of(String column, String prefix, Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "an IN list needs at least one value: test for none first");
    }
    List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(values));
    if (distinct.size() == 1) {
      return new InList(column + " = :" + prefix + "0", Map.of(prefix + "0", distinct.get(0)));
    }
    int slots = Integer.highestOneBit(distinct.size() - 1) << 1;
    Map<String, Object> parameters = new HashMap<>();
    StringJoiner names = new StringJoiner(", ", column + " in (", ")");
    for (int i = 0; i < slots; i++) {
      names.add(":" + prefix + i);
      parameters.put(prefix + i, distinct.get(Math.min(i, distinct.size() - 1)));
    }
    return new InList(names.toString(), parameters);
  }

  /** These parameters and the given ones, for a query that has both. */
  public Map<String, Object> parametersWith(Map<String, Object> others) {
    Map<String, Object> all = new HashMap<>(others);
    all.putAll(parameters);
    return all;
  }
}
