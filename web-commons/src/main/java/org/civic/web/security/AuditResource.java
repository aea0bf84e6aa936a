package org.civic.web.security;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of this service, for street administrators. */
@Path("/api/v1/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log", description = "审计日志: who read or exported sensitive data")
public class AuditResource {

  /** One audited access. */
  public record AuditEntry(
      @Schema(description = "Sequence number of the entry", example = "1042") long id,
      @Schema(description = "When it happened") OffsetDateTime at,
      @Schema(description = "Who: the token subject") String actor,
      @Schema(description = "The role the actor acted in", example = "STREET_ADMIN") String role,
      @Schema(description = "The actor's org unit (scope)") UUID orgUnit,
      @Schema(description = "What was done, e.g. READ or EXPORT", example = "READ") String action,
      @Schema(
              description = "Kind of record, e.g. SensitiveProfile or MemberExport",
              example = "SensitiveProfile")
          String resourceType,
      @Schema(description = "Ids of the records read or exported") List<UUID> recordIds,
      @Schema(description = "More about the access, if any") String detail) {}

  @Inject AgroalDataSource dataSource;

  @GET
  @RolesAllowed(Roles.STREET_ADMIN)
  @Operation(
      summary = "Search the audit log",
      description =
          "Newest first. Filters: actor (token subject), recordId (a member or other record that"
              + " was read), resourceType, from/to (ISO-8601 instants).")
  public Page<AuditEntry> search(
      @QueryParam("actor") String actor,
      @QueryParam("recordId") UUID recordId,
      @QueryParam("resourceType") String resourceType,
      @QueryParam("from") OffsetDateTime from,
      @QueryParam("to") OffsetDateTime to,
      @Valid @BeanParam PageRequest page)
      throws SQLException {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> args = new ArrayList<>();
    if (actor != null) {
      where.append(" and actor = ?");
      args.add(actor);
    }
    if (recordId != null) {
      where.append(" and ? = any(record_ids)");
      args.add(recordId);
    }
    if (resourceType != null) {
      where.append(" and resource_type = ?");
      args.add(resourceType);
    }
    if (from != null) {
      where.append(" and at >= ?");
      args.add(from);
    }
    if (to != null) {
      where.append(" and at < ?");
      args.add(to);
    }
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count = prepare(c, "select count(*) from audit_entry" + where, args)) {
        ResultSet rs = count.executeQuery();
        rs.next();
        total = rs.getLong(1);
      }
      List<AuditEntry> items = new ArrayList<>();
      List<Object> pageArgs = new ArrayList<>(args);
      pageArgs.add(page.size);
      pageArgs.add(page.offset());
      try (PreparedStatement select =
          prepare(
              c,
              "select id, at, actor, role, org_unit, action, resource_type, record_ids, detail"
                  + " from audit_entry"
                  + where
                  + " order by id desc limit ? offset ?",
              pageArgs)) {
        ResultSet rs = select.executeQuery();
        while (rs.next()) {
          Array ids = rs.getArray("record_ids");
          items.add(
              new AuditEntry(
                  rs.getLong("id"),
                  rs.getObject("at", OffsetDateTime.class),
                  rs.getString("actor"),
                  rs.getString("role"),
                  rs.getObject("org_unit", UUID.class),
                  rs.getString("action"),
                  rs.getString("resource_type"),
                  Arrays.asList((UUID[]) ids.getArray()),
                  rs.getString("detail")));
        }
      }
      return Page.of(items, page, total);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> args)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    for (int i = 0; i < args.size(); i++) {
      statement.setObject(i + 1, args.get(i));
    }
    return statement;
  }
}
