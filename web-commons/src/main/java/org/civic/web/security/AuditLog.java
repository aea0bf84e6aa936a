package org.civic.web.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Append-only record of every read or export of sensitive data: who, with which role and scope,
 * what, which records, when. Written in its own transaction so it is kept even when the caller's
 * transaction rolls back; a failure to write fails the read (no unaudited access). The table
 * refuses UPDATE, DELETE and TRUNCATE (see db/security).
 */
@ApplicationScoped
public class AuditLog {

  /** What was done with the data. */
  public enum Action {
    READ,
    EXPORT
  }

  @Inject AgroalDataSource dataSource;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(
      Caller caller,
      Action action,
      String resourceType,
      Collection<UUID> recordIds,
      String detail) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into audit_entry (actor, role, org_unit, action, resource_type, record_ids,"
                    + " detail) values (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, caller.subject());
      insert.setString(2, caller.role().name());
      insert.setObject(3, caller.orgUnitId());
      insert.setString(4, action.name());
      insert.setString(5, resourceType);
      insert.setArray(6, c.createArrayOf("uuid", recordIds.toArray()));
      insert.setString(7, detail);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write the audit log", e);
    }
  }
}
