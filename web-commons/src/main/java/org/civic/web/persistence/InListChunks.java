package org.civic.web.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * An {@link InList} query run once per chunk of at most {@link #SIZE} distinct values, for callers
 * whose lists have no small bound (an import's buildings, a ledger's households).
 *
 * <p>Why chunks: one {@code in (...)} of 10,000 values would be 16,384 parameters (PostgreSQL
 * refuses more than 65,535, i.e. InList fails above 32,768 values), a query text of ~150 KB
 * translated once and then kept in Hibernate's query plan cache for the life of the service. Chunks
 * of at most 256 keep every text to one of nine sizes (1, 2, 4, ..., 256 parameters).
 */
public final class InListChunks {
  /** The most values one query binds. */
  public static final int SIZE = 256;

  private InListChunks() {}

  /**
   * The concatenated results of {@code query} for each chunk; no query at all for no values.
   * Results are ordered within a chunk only: a caller that needs one order across all values sorts
   * them, or groups them by the queried column (every value is in exactly one chunk).
   *
   * @param column the JPQL path, e.g. {@code m.householdId}
   * @param prefix the parameters' name prefix, distinct from the query's other parameters
   */
  public static <R> List<R> list(
      String column,
      String prefix,
      Collection<?> values,
      Function<InList, ? extends Collection<R>> query) {
    List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(values));
    List<R> out = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += SIZE) {
      List<Object> chunk = distinct.subList(from, Math.min(from + SIZE, distinct.size()));
      out.addAll(query.apply(InList.of(column, prefix, chunk)));
    }
    return out;
  }
}
