package org.civic.members.rest;

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

  HouseholdResource(HouseholdService service) {
    this.service = service;
  }

  @Schema(name = "Household")
  public record HouseholdView(
      UUID id,
      UUID communityId,
      UUID buildingId,
      String unit,
      String room,
      OffsetDateTime createdAt,
      @Schema(description = "Members of the household (only when reading one household)")
          List<MemberView> members) {
    static HouseholdView of(Household h, List<MemberView> members) {
      return new HouseholdView(
          h.id, h.communityId, h.buildingId, h.unit, h.room, h.createdAt, members);
    }
  }

  @GET
  @Operation(
      summary = "List households",
      description = "Sorted by building, unit, room, id; filter by community and/or building.")
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
  @Operation(summary = "Read a household with its members")
  public HouseholdView get(@PathParam("id") UUID id) {
    Household h = service.get(id);
    return HouseholdView.of(h, service.membersOf(id).stream().map(MemberView::of).toList());
  }
}
