package org.civic.eventing.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads how many events wait in the outbox and for how long (health, metrics). */
@ApplicationScoped
public class OutboxBacklog {
  private final AgroalDataSource dataSource;

  OutboxBacklog(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Snapshot(long pending, double oldestAgeSeconds) {}

  public Snapshot read() {
    // Plain JDBC, outside any transaction: callable from health checks and metric scrapes.
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
                    + " from eventing_outbox where published_at is null")) {
      rs.next();
      return new Snapshot(rs.getLong(1), rs.getDouble(2));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the outbox backlog", e);
    }
  }
}
