package org.civic.branches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.UUID;
import org.civic.branches.domain.BranchResources;
import org.civic.branches.service.ResourceService;
import org.civic.web.locking.Versions;
import org.civic.web.openapi.ApiDocs;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/branches/{id}/resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Branch resources", description = "Support resources checklist (保障措施) of a branch")
public class ResourcesResource {
  private final ResourceService service;

  ResourcesResource(ResourceService service) {
    this.service = service;
  }

  @Schema(name = "BranchResources")
  public record ResourcesView(
      @Schema(description = "Branch (党支部)") UUID branchId,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Has an activity room (活动室)") boolean activityRoom,
      @Schema(description = "Room area in m²") BigDecimal roomAreaM2,
      @Schema(description = "Yearly funding (经费) in yuan") BigDecimal yearlyFundingYuan,
      @Schema(description = "Branch plaque (支部牌子) — one of 三牌一板") boolean branchPlaque,
      @Schema(description = "Party-member-home plaque (党员之家牌子)") boolean partyMemberHomePlaque,
      @Schema(description = "Sign (标识牌)") boolean sign,
      @Schema(description = "Overview and work-systems board (概况及工作制度板)") boolean workSystemsBoard,
      @Schema(description = "Bookcase (一櫥)") boolean bookcase,
      @Schema(description = "Ledger (一帳)") boolean ledger,
      @Schema(description = "Record book (一簿)") boolean recordBook,
      @Schema(description = "Newspapers and journals subscribed (报刊订阅)") String subscriptions,
      @Schema(
              description =
                  "Completeness 0-100: room 15 (+5 if ≥ 30 m²), funding 15, each plaque/board 8,"
                      + " bookcase/ledger/record book 6 each, subscriptions 15")
          int completeness,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static ResourcesView of(BranchResources r) {
      return new ResourcesView(
          r.branchId,
          r.communityId,
          r.activityRoom,
          r.roomAreaM2,
          r.yearlyFundingYuan,
          r.branchPlaque,
          r.partyMemberHomePlaque,
          r.sign,
          r.workSystemsBoard,
          r.bookcase,
          r.ledger,
          r.recordBook,
          r.subscriptions,
          r.completeness(),
          r.version);
    }
  }

  @Schema(name = "UpdateBranchResources")
  public record UpdateResources(
      @Schema(description = "Has an activity room (活动室)") boolean activityRoom,
      @Schema(description = "Room area in m²", example = "35")
          @DecimalMin("0")
          @DecimalMax("100000")
          BigDecimal roomAreaM2,
      @Schema(description = "Yearly funding (经费) in yuan", example = "5000")
          @DecimalMin("0")
          @DecimalMax("100000000")
          BigDecimal yearlyFundingYuan,
      @Schema(description = "Branch plaque (支部牌子)") boolean branchPlaque,
      @Schema(description = "Party-member-home plaque (党员之家牌子)") boolean partyMemberHomePlaque,
      @Schema(description = "Sign (标识牌)") boolean sign,
      @Schema(description = "Overview and work-systems board (概况及工作制度板)") boolean workSystemsBoard,
      @Schema(description = "Bookcase (一櫥)") boolean bookcase,
      @Schema(description = "Ledger (一帳)") boolean ledger,
      @Schema(description = "Record book (一簿)") boolean recordBook,
      @Schema(description = "Newspapers and journals subscribed (报刊订阅)") @Size(max = 1000)
          String subscriptions,
      @Schema(description = "The version this change is based on (or send If-Match)", example = "3")
          Long version) {}

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(
      summary = "Read a branch's resources checklist",
      description = "With its completeness score.")
  @APIResponse(
      responseCode = "200",
      description = "The branch resources (阵地建设)",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResourcesView.class)))
  public Response get(@PathParam("id") UUID id) {
    BranchResources r = service.get(id);
    return Response.ok(ResourcesView.of(r)).tag(Versions.etag(r.version)).build();
  }

  @PUT
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(summary = "Update a branch's resources checklist", description = "Needs the version.")
  @APIResponse(
      responseCode = "200",
      description = "The branch resources after the edit",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResourcesView.class)))
  public Response update(
      @PathParam("id") UUID id,
      @NotNull @Valid UpdateResources u,
      @HeaderParam("If-Match") String ifMatch) {
    BranchResources r =
        service.update(
            id,
            new ResourceService.Checklist(
                u.activityRoom(),
                u.roomAreaM2(),
                u.yearlyFundingYuan(),
                u.branchPlaque(),
                u.partyMemberHomePlaque(),
                u.sign(),
                u.workSystemsBoard(),
                u.bookcase(),
                u.ledger(),
                u.recordBook(),
                u.subscriptions()),
            ifMatch,
            u.version());
    return Response.ok(ResourcesView.of(r)).tag(Versions.etag(r.version)).build();
  }
}
