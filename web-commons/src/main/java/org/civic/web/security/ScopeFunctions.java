package org.civic.web.security;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * {@code in_scope(column, :array)} for JPQL scope clauses, rendered as PostgreSQL's {@code column =
 * any(?)}: one array parameter, so Hibernate caches the query's SQL (an IN list of parameters is
 * re-translated on every call), and, unlike Hibernate's {@code array_contains} ({@code ? @>
 * array[column]}), a form the planner answers from the column's index.
 */
public class ScopeFunctions implements FunctionContributor {
  static final String IN_SCOPE = "in_scope";

  @Override
  public void contributeFunctions(FunctionContributions contributions) {
    contributions
        .getFunctionRegistry()
        .registerPattern(
            IN_SCOPE,
            "(?1 = any(?2))",
            contributions
                .getTypeConfiguration()
                .getBasicTypeRegistry()
                .resolve(StandardBasicTypes.BOOLEAN));
  }
}
