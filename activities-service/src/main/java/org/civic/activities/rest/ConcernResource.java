package org.civic.activities.rest;

import static org.civic.web.security.Roles.BRANCH_SECRETARY;
import static org.civic.web.security.Roles.COMMUNITY_SECRETARY;
import static org.civic.web.security.Roles.STREET_ADMIN;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.activities.domain.Concern;
import org.civic.activities.domain.ConcernCategory;
import org.civic.activities.domain.ConcernStatus;
import org.civic.activities.domain.EscalationLevel;
import org.civic.activities.service.ConcernService;
import org.civic.web.locking.Versions;
import org.civic.web.openapi.ApiDocs;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/concerns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Concerns",
    description =
        "Residents' opinions, suggestions and difficulties (意见建议、困难问题): recorded, assigned,"
            + " resolved, or escalated to the community or street (报告制度)")
public class ConcernResource {
  static final String CATEGORIES =
      "SUGGESTION — 意见建议; DIFFICULTY — 困难问题; COMPLAINT — 投诉; DISPUTE — 邻里纠纷; OTHER — 其他";
  static final String STATUSES =
      "OPEN — 待处理; ASSIGNED — 已分派; RESOLVED — 已解决; ESCALATED — 已上报."
          + " OPEN → ASSIGNED → RESOLVED; OPEN or ASSIGNED → ESCALATED; RESOLVED and ESCALATED are final.";
  static final String LEVELS = "COMMUNITY — 社区; STREET — 街道";

  private final ConcernService service;

  ConcernResource(ConcernService service) {
    this.service = service;
  }

  @Schema(name = "RaiseConcern")
  public record RaiseConcern(
      @Schema(description = "Branch (党支部) the concern is raised with") @NotNull UUID branchId,
      @NotNull @Schema(description = CATEGORIES) ConcernCategory category,
      @NotBlank @Size(max = 200) @Schema(description = "Title (标题)", example = "楼道灯坏了")
          String title,
      @Schema(description = "What the concern is about") @Size(max = 4000) String description,
      @Size(max = 100) @Schema(description = "Resident who raised it (or give raisedByMemberId)")
          String raisedByName,
      @Schema(description = "Member who raised it") UUID raisedByMemberId,
      @Schema(description = "Building (樓幢) concerned") UUID buildingId,
      @Schema(description = "Household concerned") UUID householdId,
      @Size(max = 200) @Schema(description = "Where, e.g. 3号楼2单元") String location,
      @Schema(description = "When it was raised; default now; not in the future")
          OffsetDateTime raisedAt) {}

  @Schema(name = "AssignConcern")
  public record Assign(
      @Schema(description = "Member (党员) who will handle the concern") @NotNull UUID memberId,
      @Schema(
              description = "The concern version this is based on (or send If-Match)",
              example = "3")
          Long version) {}

  @Schema(name = "ResolveConcern")
  public record Resolve(
      @NotBlank @Size(max = 2000) @Schema(description = "How it was resolved (处理结果)")
          String resolution,
      @Schema(
              description = "The concern version this is based on (or send If-Match)",
              example = "3")
          Long version) {}

  @Schema(name = "EscalateConcern")
  public record Escalate(
      @NotNull @Schema(description = LEVELS) EscalationLevel escalatedTo,
      @Schema(description = "Why it is escalated") @Size(max = 2000) String note,
      @Schema(
              description = "The concern version this is based on (or send If-Match)",
              example = "3")
          Long version) {}

  @Schema(name = "Concern")
  public record ConcernView(
      @Schema(description = "Id of the concern", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Branch (党支部)", example = "5c8d2e10-7a4b-4c3d-9e1f-0a1b2c3d4e5f")
          UUID branchId,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = CATEGORIES) ConcernCategory category,
      @Schema(description = "Title (标题)", example = "楼道灯坏了") String title,
      @Schema(description = "What the concern is about") String description,
      @Schema(description = "Resident who raised it") String raisedByName,
      @Schema(description = "Member who raised it, if a member") UUID raisedByMemberId,
      @Schema(description = "Building (樓幢) concerned") UUID buildingId,
      @Schema(description = "Household (家庭) concerned") UUID householdId,
      @Schema(description = "Where, e.g. 3号楼2单元") String location,
      @Schema(description = STATUSES) ConcernStatus status,
      @Schema(description = "Member (党员) handling it") UUID assigneeMemberId,
      @Schema(description = "How it was resolved (处理结果)") String resolution,
      @Schema(description = LEVELS) EscalationLevel escalatedTo,
      @Schema(description = "Why and how it was escalated") String escalationNote,
      @Schema(description = "When it was raised") OffsetDateTime raisedAt,
      @Schema(description = "When it was assigned") OffsetDateTime assignedAt,
      @Schema(description = "When it was resolved") OffsetDateTime resolvedAt,
      @Schema(description = "When it was escalated") OffsetDateTime escalatedAt,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static ConcernView of(Concern c) {
      return new ConcernView(
          c.id,
          c.branchId,
          c.communityId,
          c.category,
          c.title,
          c.description,
          c.raisedByName,
          c.raisedByMemberId,
          c.buildingId,
          c.householdId,
          c.location,
          c.status,
          c.assigneeMemberId,
          c.resolution,
          c.escalatedTo,
          c.escalationNote,
          c.raisedAt,
          c.assignedAt,
          c.resolvedAt,
          c.escalatedAt,
          c.version);
    }
  }

  @POST
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Record a concern raised by a resident or member")
  @APIResponse(
      responseCode = "201",
      description = "The raised concern (意见建议与困难问题)",
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
              schema = @Schema(implementation = ConcernView.class)))
  public Response raise(@NotNull @Valid RaiseConcern r, UriInfo uri) {
    Concern c =
        service.raise(
            new ConcernService.RaiseConcern(
                r.branchId(),
                r.category(),
                r.title(),
                r.description(),
                r.raisedByName(),
                r.raisedByMemberId(),
                r.buildingId(),
                r.householdId(),
                r.location(),
                r.raisedAt()));
    return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
        .tag(Versions.etag(c.version))
        .entity(ConcernView.of(c))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Read a concern")
  @APIResponse(
      responseCode = "200",
      description = "The concern",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConcernView.class)))
  public Response get(@PathParam("id") UUID id) {
    Concern c = service.read(id);
    return Response.ok(ConcernView.of(c)).tag(Versions.etag(c.version)).build();
  }

  @GET
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "List concerns",
      description =
          "Oldest first; filter by branch, status, category; openOlderThanDays=N lists the open"
              + " (OPEN or ASSIGNED) concerns raised more than N days ago.")
  public Page<ConcernView> list(
      @QueryParam("branchId") String branchId,
      @QueryParam("status") @Parameter(description = STATUSES) String status,
      @QueryParam("category") @Parameter(description = CATEGORIES) String category,
      @QueryParam("openOlderThanDays") @Min(value = 0, message = "must be 0 or more") @Max(3650)
          Integer openOlderThanDays,
      @Valid @BeanParam PageRequest page) {
    return service
        .list(
            Params.uuid("branchId", branchId),
            Params.enumValue(ConcernStatus.class, "status", status),
            Params.enumValue(ConcernCategory.class, "category", category),
            openOlderThanDays,
            page)
        .map(ConcernView::of);
  }

  @POST
  @Path("{id}/assignment")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Assign (or reassign) a concern to a member: OPEN/ASSIGNED → ASSIGNED")
  @APIResponse(
      responseCode = "200",
      description = "The assigned concern",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConcernView.class)))
  public Response assign(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid Assign r) {
    Concern c = service.assign(id, ifMatch, r.version(), r.memberId());
    return Response.ok(ConcernView.of(c)).tag(Versions.etag(c.version)).build();
  }

  @POST
  @Path("{id}/resolution")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Resolve an assigned concern: ASSIGNED → RESOLVED")
  @APIResponse(
      responseCode = "200",
      description = "The resolved concern",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConcernView.class)))
  public Response resolve(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid Resolve r) {
    Concern c = service.resolve(id, ifMatch, r.version(), r.resolution());
    return Response.ok(ConcernView.of(c)).tag(Versions.etag(c.version)).build();
  }

  @POST
  @Path("{id}/escalation")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "Escalate a concern to the community or street (报告制度)",
      description = "OPEN/ASSIGNED → ESCALATED; publishes ConcernEscalated.")
  @APIResponse(
      responseCode = "200",
      description = "The escalated concern",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConcernView.class)))
  public Response escalate(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid Escalate r) {
    Concern c = service.escalate(id, ifMatch, r.version(), r.escalatedTo(), r.note());
    return Response.ok(ConcernView.of(c)).tag(Versions.etag(c.version)).build();
  }
}
