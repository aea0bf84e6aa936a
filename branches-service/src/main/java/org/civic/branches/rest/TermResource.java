package org.civic.branches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civic.branches.rest.BranchTermResource.TermView;
import org.civic.branches.service.TermService;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/terms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Committees and terms", description = "Branch committees (支部委员会) and their terms (届)")
public class TermResource {
  private final TermService service;

  TermResource(TermService service) {
    this.service = service;
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Path("expiring")
  @Operation(
      summary = "Re-election reminders (换届提醒)",
      description =
          "Current terms in the caller's scope ending within the given days (Asia/Shanghai),"
              + " overdue included. A city system gets the dates without the seats (no names).")
  public List<TermView> expiring(
      @QueryParam("withinDays") @DefaultValue("90") @Min(0) @Max(3650) int withinDays) {
    TermService.Expiring e = service.expiring(withinDays);
    return e.terms().stream()
        .map(t -> e.withSeats() ? TermView.of(t, null) : TermView.withoutSeats(t))
        .toList();
  }
}
