package org.civic.branches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.domain.Building;
import org.civic.branches.domain.Category;
import org.civic.branches.domain.ResidentCounts;
import org.civic.branches.service.BuildingService;
import org.civic.branches.service.BuildingService.BuildingStatus;
import org.civic.web.locking.Versions;
import org.civic.web.openapi.ApiDocs;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/buildings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Buildings", description = "Residential buildings (樓幢) of a community")
public class BuildingResource {
  private final BuildingService service;

  BuildingResource(BuildingService service) {
    this.service = service;
  }

  @Schema(name = "RegisterBuilding")
  public record RegisterBuilding(
      @NotNull @Schema(description = "Community (社区党委/总支 org unit) the building belongs to")
          UUID communityId,
      @NotBlank @Size(max = 100) @Schema(description = "Name or number (楼号)", example = "3号楼")
          String name,
      @NotNull @Min(1) @Max(50) @Schema(description = "Number of units (单元)", example = "4")
          Integer units,
      @Size(max = 300) @Schema(description = "Street address", example = "金贡里3号") String address) {}

  @Schema(
      name = "ResidentCounts",
      description =
          "Party members living in the building whom a branch must reach (status ACTIVE or"
              + " LOST_CONTACT), from members-service events")
  public record ResidentCountsView(
      @Schema(description = "All resident members") long total,
      @Schema(description = "Full members (正式党员)") long full,
      @Schema(description = "Probationary members (预备党员)") long probationary,
      @Schema(
              description =
                  "By category: RETIRED_CADRE — 离休, RETIRED — 退休, EMPLOYED — 在职, FLOATING — 流动")
          Map<Category, Long> byCategory) {
    static ResidentCountsView of(ResidentCounts c) {
      return new ResidentCountsView(c.total(), c.full(), c.probationary(), c.byCategory());
    }
  }

  @Schema(name = "Building")
  public record BuildingView(
      @Schema(description = "Id of the building") UUID id,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Name (楼幢名称)", example = "3号楼") String name,
      @Schema(description = "Number of units (单元) of the building", example = "4") int units,
      @Schema(description = "Street address (地址)", example = "中华门街道金贡里3号") String address,
      @Schema(description = "Live counts of resident party members") ResidentCountsView residents,
      @Schema(
              description =
                  "At least 3 full members: may have a branch of its own (樓幢党支部);"
                      + " otherwise it must join a joint branch (联合支部)")
          boolean eligibleForOwnBranch,
      @Schema(description = "The active branch covering the building, if any")
          UUID coveringBranchId,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static BuildingView of(BuildingStatus s) {
      Building b = s.building();
      return new BuildingView(
          b.id,
          b.communityId,
          b.name,
          b.units,
          b.address,
          ResidentCountsView.of(s.counts()),
          s.counts().eligibleForOwnBranch(),
          s.coveringBranchId(),
          b.version);
    }
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(
      summary = "Register a building",
      description =
          "The community must be a COMMUNITY_COMMITTEE org unit (422) in the caller's scope (403)."
              + " Publishes BuildingRegistered.")
  @APIResponse(
      responseCode = "201",
      description = "The registered building (樓幢)",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = ApiDocs.LOCATION,
            description = ApiDocs.LOCATION_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, format = "uri"))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BuildingView.class)))
  public Response register(@NotNull @Valid RegisterBuilding request, UriInfo uri) {
    Building b =
        service.register(request.communityId(), request.name(), request.units(), request.address());
    return Response.created(uri.getAbsolutePathBuilder().path(b.id.toString()).build())
        .tag(Versions.etag(b.version))
        .entity(BuildingView.of(new BuildingStatus(b, ResidentCounts.empty(), null)))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(
      summary = "Read a building",
      description = "With live resident counts and eligibility. 403 outside the caller's scope.")
  @APIResponse(
      responseCode = "200",
      description = "The building with its resident counts and covering branch",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BuildingView.class)))
  public Response get(@PathParam("id") UUID id) {
    BuildingStatus s = service.status(id);
    return Response.ok(BuildingView.of(s)).tag(Versions.etag(s.building().version)).build();
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(
      summary = "List buildings",
      description =
          "The buildings the caller may see (a branch secretary: those of their branch), sorted"
              + " by name; filter by community.")
  public Page<BuildingView> list(
      @QueryParam("communityId") UUID communityId, @Valid @BeanParam PageRequest page) {
    return service.list(communityId, page).map(BuildingView::of);
  }
}
