package org.civic.web.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL written with named parameters ({@code :name}, as the scope clauses and HQL use them) turned
 * into JDBC's positional {@code ?} with the values in order, for reads that go to the database
 * without Hibernate's query machinery (it was ~10 % of a member list page's CPU, session 14 in
 * bench/README.md).
 *
 * <p>A name may appear several times (each occurrence binds the value again). Text in single quotes
 * and in double quotes is left alone, and so is PostgreSQL's cast {@code ::}. Every name must have
 * a value and every value must be used: a mismatch is a programming error, reported at once rather
 * than as a wrong result.
 *
 * @param sql the statement with {@code ?} placeholders
 * @param values the values of the placeholders, in order
 */
public record NamedSql(String sql, List<Object> values) {
  public NamedSql {
    // Not List.copyOf: a parameter may be null (SQL NULL).
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /**
   * {@code sql} with each {@code :name} replaced by {@code ?} and its value from {@code params}.
   */
  public static NamedSql of(String sql, Map<String, ?> params) {
    Parsed parsed = PARSED.get(sql);
    if (parsed == null) {
      parsed = Parsed.of(sql);
      if (PARSED.size() < MAX_CACHED) {
        PARSED.put(sql, parsed);
      }
    }
    List<Object> values = new ArrayList<>(parsed.names().size());
    for (String name : parsed.names()) {
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name + " in: " + sql);
      }
      values.add(params.get(name));
    }
    if (parsed.distinct() != params.size()) {
      Set<String> unused = new HashSet<>(params.keySet());
      unused.removeAll(parsed.names());
      throw new IllegalArgumentException("values for no parameter " + unused + " in: " + sql);
    }
    return new NamedSql(parsed.sql(), values);
  }

  // Parsing a page's statement (~1,300 characters) on every request was ~3 % of a list page's CPU.
  // The texts are built from the code's own fragments, so there are few of them; the bound only
  // guards against a caller that puts values into the text.
  private static final int MAX_CACHED = 1_000;
  private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

  /** A text's positional form and its parameters' names in order (a name may repeat). */
  private record Parsed(String sql, List<String> names, int distinct) {
    static Parsed of(String sql) {
      StringBuilder out = new StringBuilder(sql.length());
      List<String> names = new ArrayList<>();
      int i = 0;
      while (i < sql.length()) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
          int end = sql.indexOf(c, i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unterminated " + c + " in: " + sql);
          }
          out.append(sql, i, end + 1);
          i = end + 1; // a doubled quote ('') is two quoted runs side by side: the same text
        } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
          out.append("::");
          i += 2;
        } else if (c == ':' && i + 1 < sql.length() && isNameStart(sql.charAt(i + 1))) {
          int end = i + 1;
          while (end < sql.length() && isNamePart(sql.charAt(end))) {
            end++;
          }
          names.add(sql.substring(i + 1, end));
          out.append('?');
          i = end;
        } else {
          out.append(c);
          i++;
        }
      }
      return new Parsed(out.toString(), List.copyOf(names), new HashSet<>(names).size());
    }
  }

  /**
   * Binds the values from position {@code first} on (1-based), enums by name (the columns hold
   * their names, as the entities' {@code @Enumerated(STRING)} writes them).
   *
   * @return the position after the last value bound
   */
  public int bind(PreparedStatement statement, int first) throws SQLException {
    int position = first;
    for (Object value : values) {
      statement.setObject(position++, value instanceof Enum<?> e ? e.name() : value);
    }
    return position;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
