package org.civic.activities.rest;

import static org.civic.web.security.Roles.BRANCH_SECRETARY;
import static org.civic.web.security.Roles.COMMUNITY_SECRETARY;
import static org.civic.web.security.Roles.MEMBER;
import static org.civic.web.security.Roles.STREET_ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.TeamKind;
import org.civic.activities.domain.VolunteerService;
import org.civic.activities.domain.VolunteerTeam;
import org.civic.activities.domain.VolunteerTeamMember;
import org.civic.activities.service.VolunteerTeamService;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/volunteer-teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Volunteer teams", description = "Party-member volunteer service teams (党员志愿者服务队)")
public class VolunteerTeamResource {
  static final String KINDS =
      "PATROL — 治安巡逻; SANITATION — 环境卫生; MEDICAL — 医疗保健; APPLIANCE_REPAIR — 家电维修;"
          + " PUBLICITY — 宣传; ELDER_CARE — 敬老助老";

  private final VolunteerTeamService service;

  VolunteerTeamResource(VolunteerTeamService service) {
    this.service = service;
  }

  @Schema(name = "CreateVolunteerTeam")
  public record CreateTeam(
      @NotNull UUID branchId,
      @NotBlank @Size(max = 100) @Schema(example = "3号楼党员巡逻队") String name,
      @NotNull @Schema(description = KINDS) TeamKind kind,
      @Size(max = 1000) String description) {}

  @Schema(name = "UpdateVolunteerTeam")
  public record UpdateTeam(
      @NotBlank @Size(max = 100) String name,
      @Size(max = 1000) String description,
      @Schema(description = "The team's version (or send If-Match)") Long version) {}

  @Schema(name = "VolunteerTeam")
  public record TeamView(
      UUID id,
      UUID branchId,
      UUID communityId,
      String name,
      @Schema(description = KINDS) TeamKind kind,
      String description,
      long version) {
    static TeamView of(VolunteerTeam t) {
      return new TeamView(
          t.id, t.branchId, t.communityId, t.name, t.kind, t.description, t.version);
    }
  }

  @Schema(name = "AddTeamMember")
  public record AddMember(@NotNull UUID memberId) {}

  @Schema(name = "TeamMember")
  public record TeamMemberView(UUID memberId, String memberName, OffsetDateTime joinedAt) {
    static TeamMemberView of(VolunteerTeamMember m) {
      return new TeamMemberView(m.memberId, m.memberName, m.joinedAt);
    }
  }

  @Schema(name = "TeamCandidate")
  public record CandidateView(
      UUID memberId, String name, List<String> specialties, List<String> matchedTags) {}

  @Schema(name = "RecordService")
  public record RecordService(
      @NotNull UUID memberId,
      @NotNull @Schema(description = "Date served, YYYY-MM-DD, not in the future")
          LocalDate servedOn,
      @NotNull
          @DecimalMin(value = "0.0", inclusive = false, message = "must be more than 0")
          @DecimalMax(value = "24.0", message = "must be at most 24")
          @Schema(description = "Hours, 0 < hours ≤ 24, one decimal", example = "2.5")
          BigDecimal hours,
      @Size(max = 500) @Schema(description = "What was done (服务内容)") String description) {}

  @Schema(name = "ServiceRecord")
  public record ServiceView(
      UUID id,
      UUID teamId,
      UUID branchId,
      UUID memberId,
      String memberName,
      LocalDate servedOn,
      BigDecimal hours,
      String description) {
    static ServiceView of(VolunteerService s) {
      return new ServiceView(
          s.id, s.teamId, s.branchId, s.memberId, s.memberName, s.servedOn, s.hours, s.description);
    }
  }

  @POST
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Create a volunteer team of a branch")
  public Response create(@NotNull @Valid CreateTeam request, UriInfo uri) {
    VolunteerTeam t =
        service.create(request.branchId(), request.name(), request.kind(), request.description());
    return Response.created(uri.getAbsolutePathBuilder().path(t.id.toString()).build())
        .tag(Versions.etag(t.version))
        .entity(TeamView.of(t))
        .build();
  }

  @GET
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "List volunteer teams",
      description = "Sorted by name; filter by branch and kind.")
  public Page<TeamView> list(
      @QueryParam("branchId") String branchId,
      @QueryParam("kind") @Parameter(description = KINDS) String kind,
      @Valid @BeanParam PageRequest page) {
    return service
        .list(
            Params.uuid("branchId", branchId), Params.enumValue(TeamKind.class, "kind", kind), page)
        .map(TeamView::of);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Read a volunteer team")
  public Response get(@PathParam("id") UUID id) {
    VolunteerTeam t = service.get(id);
    return Response.ok(TeamView.of(t)).tag(Versions.etag(t.version)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Rename a team or change its description")
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid UpdateTeam request) {
    VolunteerTeam t =
        service.update(id, ifMatch, request.version(), request.name(), request.description());
    return Response.ok(TeamView.of(t)).tag(Versions.etag(t.version)).build();
  }

  @GET
  @Path("{id}/members")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Members of a team")
  public List<TeamMemberView> members(@PathParam("id") UUID id) {
    return service.members(id).stream().map(TeamMemberView::of).toList();
  }

  @POST
  @Path("{id}/members")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Add a member to a team (409 if already in it)")
  public Response addMember(@PathParam("id") UUID id, @NotNull @Valid AddMember request) {
    return Response.status(201)
        .entity(TeamMemberView.of(service.addMember(id, request.memberId())))
        .build();
  }

  @DELETE
  @Path("{id}/members/{memberId}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Remove a member from a team (their service records stay)")
  public Response removeMember(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
    service.removeMember(id, memberId);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/candidates")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "Suggest members for a team by specialty tags (爱好特长)",
      description =
          "Members on the team's branch roster, not yet in the team, whose tags match any of the"
              + " given tags (default: the team kind's tags, e.g. MEDICAL → medical, nursing,"
              + " health); most matches first.")
  public List<CandidateView> candidates(
      @PathParam("id") UUID id,
      @QueryParam("tags") @Parameter(description = "Tags to match, repeatable or comma-separated")
          List<String> tags) {
    List<String> wanted =
        tags == null
            ? List.of()
            : tags.stream().flatMap(t -> java.util.Arrays.stream(t.split(","))).toList();
    return service.candidates(id, wanted).stream()
        .map(
            c ->
                new CandidateView(
                    c.member().memberId,
                    c.member().name,
                    c.member().specialtyList(),
                    c.matchedTags()))
        .toList();
  }

  @POST
  @Path("{id}/service-records")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Record service hours of a team member (0 < hours ≤ 24)")
  public Response recordService(
      @PathParam("id") UUID id, @NotNull @Valid RecordService request, UriInfo uri) {
    VolunteerService s =
        service.recordService(
            id, request.memberId(), request.servedOn(), request.hours(), request.description());
    return Response.status(201).entity(ServiceView.of(s)).build();
  }

  @GET
  @Path("{id}/service-records")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, MEMBER})
  @Operation(summary = "Service records of a team, newest first")
  public Page<ServiceView> serviceRecords(
      @PathParam("id") UUID id,
      @QueryParam("from") @Parameter(description = "YYYY-MM-DD") String from,
      @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive") String to,
      @Valid @BeanParam PageRequest page) {
    return service
        .serviceRecords(id, Params.date("from", from, false), Params.date("to", to, false), page)
        .map(ServiceView::of);
  }
}
