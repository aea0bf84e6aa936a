package org.civic.branches.rest;

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
  @Path("expiring")
  @Operation(
      summary = "Re-election reminders (换届提醒)",
      description = "Current terms ending within the given days (Asia/Shanghai), overdue included.")
  public List<TermView> expiring(
      @QueryParam("withinDays") @DefaultValue("90") @Min(0) @Max(3650) int withinDays) {
    return service.expiring(withinDays).stream().map(t -> TermView.of(t, null)).toList();
  }
}
