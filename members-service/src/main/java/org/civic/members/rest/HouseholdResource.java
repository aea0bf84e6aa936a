package org.civic.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Household;
import org.civic.members.rest.MemberViews.MemberView;
import org.civic.members.service.HouseholdService;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.security.Caller;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Households",
    description =
        "Households (家庭): one per address (building, unit, room), created when a member registers"
            + " or moves to an address without one. Visits are per household.")
public class HouseholdResource {
  private final HouseholdService service;
  private final CurrentCaller callers;

  HouseholdResource(HouseholdService service, CurrentCaller callers) {
    this.service = service;
    this.callers = callers;
  }

  @Schema(name = "Household")
  public record HouseholdView(
      @Schema(description = "Id of the household", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Building (樓幢)", example = "7e4f1a2b-3c5d-4e6f-8a9b-0c1d2e3f4a5b")
          UUID buildingId,
      @Schema(description = "Unit (单元)", example = "2") String unit,
      @Schema(description = "Room (室)", example = "301") String room,
      @Schema(description = "When it was created") OffsetDateTime createdAt,
      @Schema(description = "Members of the household (only when reading one household)")
          List<MemberView> members) {
    static HouseholdView of(Household h, List<MemberView> members) {
      return new HouseholdView(
          h.id, h.communityId, h.buildingId, h.unit, h.room, h.createdAt, members);
    }
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.MEMBER
  })
  @Operation(
      summary = "List households",
      description =
          "The households of the caller's scope (a branch secretary: those with a member of the"
              + " branch; a MEMBER: their own). Sorted by building, unit, room, id; filter by"
              + " community and/or building.")
  public Page<HouseholdView> list(
      @Parameter(description = "Community (社区)") @QueryParam("communityId") String communityId,
      @Parameter(description = "Building (樓幢)") @QueryParam("buildingId") String buildingId,
      @Valid @BeanParam PageRequest page) {
    return service
        .list(Params.uuid("communityId", communityId), Params.uuid("buildingId", buildingId), page)
        .map(h -> HouseholdView.of(h, null));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.MEMBER
  })
  @Operation(
      summary = "Read a household with its members",
      description =
          "Outside the caller's scope: 404. A MEMBER reads their own household; the other"
              + " members' phones are masked.")
  public HouseholdView get(@PathParam("id") UUID id) {
    Household h = service.get(id);
    Caller viewer = callers.caller();
    return HouseholdView.of(
        h, service.membersOf(id).stream().map(m -> MemberView.of(m, viewer)).toList());
  }
}
