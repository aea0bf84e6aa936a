package org.civic.members.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * How often PostgreSQL has run the statements of this database whose text starts and contains the
 * given parts (pg_stat_statements, which the test PostgreSQL preloads): it sees plain-JDBC reads,
 * which Hibernate's statistics do not. Its counters are updated as each statement ends.
 */
final class StatementCounts {
  private final DataSource dataSource;

  StatementCounts(DataSource dataSource) {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement create =
            connection.prepareStatement("create extension if not exists pg_stat_statements")) {
      create.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("pg_stat_statements is not available", e);
    }
  }

  long calls(String start, String contained) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement calls =
            connection.prepareStatement(
                "select coalesce(sum(calls), 0) from pg_stat_statements"
                    + " where dbid = (select oid from pg_database where datname = current_database())"
                    + " and starts_with(query, ?) and strpos(query, ?) > 0")) {
      calls.setString(1, start);
      calls.setString(2, contained);
      try (ResultSet result = calls.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
