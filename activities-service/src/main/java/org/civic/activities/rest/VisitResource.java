package org.civic.activities.rest;

import static org.civic.web.security.Roles.BRANCH_SECRETARY;
import static org.civic.web.security.Roles.COMMUNITY_SECRETARY;
import static org.civic.web.security.Roles.MEMBER;
import static org.civic.web.security.Roles.STREET_ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.activities.domain.Visit;
import org.civic.activities.domain.VisitKind;
import org.civic.activities.service.VisitService;
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

@Path("/api/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Visits",
    description =
        "Household visits (走访制度): every member household on a branch's roster is visited at"
            + " least once per calendar month (Asia/Shanghai)")
public class VisitResource {
  static final String KINDS = "ROUTINE — 例行走访; ILLNESS — 探病; HARDSHIP — 困难帮扶; FESTIVAL — 节日慰问";

  private final VisitService service;

  VisitResource(VisitService service) {
    this.service = service;
  }

  @Schema(name = "RecordVisit")
  public record RecordVisit(
      @NotNull @Schema(description = "The visited household (家庭)") UUID householdId,
      @Schema(
              description =
                  "The visiting branch; must be the branch responsible for the household at"
                      + " visitedAt. May be omitted when exactly one branch is responsible.")
          UUID branchId,
      @NotNull @Schema(description = "Member who visited (走访人)") UUID visitorMemberId,
      @NotNull
          @Schema(
              description = "When, ISO-8601 with offset; not in the future",
              example = "2026-03-05T15:00:00+08:00")
          OffsetDateTime visitedAt,
      @NotNull @Schema(description = KINDS) VisitKind kind,
      @Size(max = 2000) @Schema(description = "What was found (情况记录)") String notes,
      @Schema(description = "Whether something needs following up (需跟进)") Boolean followUpNeeded) {}

  @Schema(name = "ResolveFollowUp")
  public record ResolveFollowUp(
      @NotNull @Schema(description = "true: resolved; false: reopened") Boolean resolved,
      @Size(max = 2000) @Schema(description = "How it was resolved (跟进结果); required when resolved")
          String note,
      @Schema(description = "The visit's version (or send If-Match)", example = "3")
          Long version) {}

  @Schema(name = "Visit")
  public record VisitView(
      @Schema(description = "Id of the visit", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Branch (党支部)", example = "5c8d2e10-7a4b-4c3d-9e1f-0a1b2c3d4e5f")
          UUID branchId,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Household (家庭) visited") UUID householdId,
      @Schema(description = "Member (党员) who visited") UUID visitorMemberId,
      @Schema(description = "When the visit took place") OffsetDateTime visitedAt,
      @Schema(description = KINDS) VisitKind kind,
      @Schema(description = "What was found and done (走访记录)") String notes,
      @Schema(description = "Something needs following up") boolean followUpNeeded,
      @Schema(description = "The follow-up is done") boolean followUpResolved,
      @Schema(description = "Note on the follow-up") String followUpNote,
      @Schema(description = "When the follow-up was done") OffsetDateTime followUpResolvedAt,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static VisitView of(Visit v) {
      return new VisitView(
          v.id,
          v.branchId,
          v.communityId,
          v.householdId,
          v.visitorMemberId,
          v.visitedAt,
          v.kind,
          v.notes,
          v.followUpNeeded,
          v.followUpResolved,
          v.followUpNote,
          v.followUpResolvedAt,
          v.version);
    }
  }

  @POST
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "Record a visit",
      description =
          "The branch must be responsible for the household at visitedAt: the branch whose roster"
              + " holds the household's members (422 if there is none or it is another branch)."
              + " visitedAt must not be in the future (422). Publishes VisitRecorded.")
  @APIResponse(
      responseCode = "201",
      description = "The recorded household visit (走访)",
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
              schema = @Schema(implementation = VisitView.class)))
  public Response record(@NotNull @Valid RecordVisit request, UriInfo uri) {
    Visit v =
        service.record(
            new VisitService.RecordVisit(
                request.householdId(),
                request.branchId(),
                request.visitorMemberId(),
                request.visitedAt(),
                request.kind(),
                request.notes(),
                Boolean.TRUE.equals(request.followUpNeeded())));
    return Response.created(uri.getAbsolutePathBuilder().path(v.id.toString()).build())
        .tag(Versions.etag(v.version))
        .entity(VisitView.of(v))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, MEMBER})
  @Operation(summary = "Read a visit")
  @APIResponse(
      responseCode = "200",
      description = "The visit",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VisitView.class)))
  public Response get(@PathParam("id") UUID id) {
    Visit v = service.read(id);
    return Response.ok(VisitView.of(v)).tag(Versions.etag(v.version)).build();
  }

  @PUT
  @Path("{id}/follow-up")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Resolve (or reopen) the follow-up of a visit")
  @APIResponse(
      responseCode = "200",
      description = "The visit with its follow-up",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VisitView.class)))
  public Response followUp(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid ResolveFollowUp request) {
    Visit v =
        service.resolveFollowUp(id, ifMatch, request.version(), request.resolved(), request.note());
    return Response.ok(VisitView.of(v)).tag(Versions.etag(v.version)).build();
  }

  @GET
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, MEMBER})
  @Operation(
      summary = "List visits",
      description = "Newest first; filter by branch, household, kind, open follow-ups, date range.")
  public Page<VisitView> list(
      @QueryParam("branchId") String branchId,
      @QueryParam("householdId") String householdId,
      @QueryParam("kind") @Parameter(description = KINDS) String kind,
      @QueryParam("followUpOpen")
          @Parameter(description = "true: only visits with an open follow-up")
          Boolean followUpOpen,
      @QueryParam("from") @Parameter(description = "YYYY-MM-DD, inclusive (Asia/Shanghai)")
          String from,
      @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive (Asia/Shanghai)") String to,
      @Valid @BeanParam PageRequest page) {
    LocalDate f = Params.date("from", from, false);
    LocalDate t = Params.date("to", to, false);
    return service
        .list(
            Params.uuid("branchId", branchId),
            Params.uuid("householdId", householdId),
            Params.enumValue(VisitKind.class, "kind", kind),
            followUpOpen,
            f == null
                ? null
                : f.atStartOfDay(org.civic.activities.domain.VisitRules.ZONE).toOffsetDateTime(),
            t == null
                ? null
                : t.plusDays(1)
                    .atStartOfDay(org.civic.activities.domain.VisitRules.ZONE)
                    .toOffsetDateTime(),
            page)
        .map(VisitView::of);
  }
}
