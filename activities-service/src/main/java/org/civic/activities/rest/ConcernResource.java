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
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
      @NotNull UUID branchId,
      @NotNull @Schema(description = CATEGORIES) ConcernCategory category,
      @NotBlank @Size(max = 200) @Schema(example = "楼道灯坏了") String title,
      @Size(max = 4000) String description,
      @Size(max = 100) @Schema(description = "Resident who raised it (or give raisedByMemberId)")
          String raisedByName,
      @Schema(description = "Member who raised it") UUID raisedByMemberId,
      @Schema(description = "Building (樓幢) concerned") UUID buildingId,
      @Schema(description = "Household concerned") UUID householdId,
      @Size(max = 200) @Schema(description = "Where, e.g. 3号楼2单元") String location,
      @Schema(description = "When it was raised; default now; not in the future")
          OffsetDateTime raisedAt) {}

  @Schema(name = "AssignConcern")
  public record Assign(@NotNull UUID memberId, Long version) {}

  @Schema(name = "ResolveConcern")
  public record Resolve(
      @NotBlank @Size(max = 2000) @Schema(description = "How it was resolved (处理结果)")
          String resolution,
      Long version) {}

  @Schema(name = "EscalateConcern")
  public record Escalate(
      @NotNull @Schema(description = LEVELS) EscalationLevel escalatedTo,
      @Size(max = 2000) String note,
      Long version) {}

  @Schema(name = "Concern")
  public record ConcernView(
      UUID id,
      UUID branchId,
      UUID communityId,
      @Schema(description = CATEGORIES) ConcernCategory category,
      String title,
      String description,
      String raisedByName,
      UUID raisedByMemberId,
      UUID buildingId,
      UUID householdId,
      String location,
      @Schema(description = STATUSES) ConcernStatus status,
      UUID assigneeMemberId,
      String resolution,
      @Schema(description = LEVELS) EscalationLevel escalatedTo,
      String escalationNote,
      OffsetDateTime raisedAt,
      OffsetDateTime assignedAt,
      OffsetDateTime resolvedAt,
      OffsetDateTime escalatedAt,
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
  public Response assign(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid Assign r) {
    Concern c = service.assign(id, ifMatch, r.version(), r.memberId());
    return Response.ok(ConcernView.of(c)).tag(Versions.etag(c.version)).build();
  }

  @POST
  @Path("{id}/resolution")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Resolve an assigned concern: ASSIGNED → RESOLVED")
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
  public Response escalate(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid Escalate r) {
    Concern c = service.escalate(id, ifMatch, r.version(), r.escalatedTo(), r.note());
    return Response.ok(ConcernView.of(c)).tag(Versions.etag(c.version)).build();
  }
}
