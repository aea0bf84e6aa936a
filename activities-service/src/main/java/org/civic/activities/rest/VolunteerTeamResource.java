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
      @Schema(description = "Branch (党支部) the team belongs to") @NotNull UUID branchId,
      @NotBlank @Size(max = 100) @Schema(description = "Name of the team", example = "3号楼党员巡逻队")
          String name,
      @NotNull @Schema(description = KINDS) TeamKind kind,
      @Schema(description = "What the team does") @Size(max = 1000) String description) {}

  @Schema(name = "UpdateVolunteerTeam")
  public record UpdateTeam(
      @Schema(description = "Name of the team") @NotBlank @Size(max = 100) String name,
      @Schema(description = "What the team does") @Size(max = 1000) String description,
      @Schema(description = "The team's version (or send If-Match)", example = "3") Long version) {}

  @Schema(name = "VolunteerTeam")
  public record TeamView(
      @Schema(
              description = "Id of the volunteer team",
              example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Branch (党支部)", example = "5c8d2e10-7a4b-4c3d-9e1f-0a1b2c3d4e5f")
          UUID branchId,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Name of the team", example = "3号楼党员巡逻队") String name,
      @Schema(description = KINDS) TeamKind kind,
      @Schema(description = "What the team does") String description,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static TeamView of(VolunteerTeam t) {
      return new TeamView(
          t.id, t.branchId, t.communityId, t.name, t.kind, t.description, t.version);
    }
  }

  @Schema(name = "AddTeamMember")
  public record AddMember(
      @Schema(
              description = "Member (党员) joining the team",
              example = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
          @NotNull
          UUID memberId) {}

  @Schema(name = "TeamMember")
  public record TeamMemberView(
      @Schema(description = "Member (党员)", example = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
          UUID memberId,
      @Schema(description = "Name of the member (姓名)", example = "张秀兰") String memberName,
      @Schema(description = "When the member joined the team") OffsetDateTime joinedAt) {
    static TeamMemberView of(VolunteerTeamMember m) {
      return new TeamMemberView(m.memberId, m.memberName, m.joinedAt);
    }
  }

  @Schema(name = "TeamCandidate")
  public record CandidateView(
      @Schema(description = "Candidate member (党员)") UUID memberId,
      @Schema(description = "Name (姓名)", example = "张秀兰") String name,
      @Schema(description = "All specialties (爱好特长) of the member") List<String> specialties,
      @Schema(description = "The specialties that match the team") List<String> matchedTags) {}

  @Schema(name = "RecordService")
  public record RecordService(
      @Schema(description = "Member (党员) of the team who served") @NotNull UUID memberId,
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
      @Schema(description = "Id of the service record") UUID id,
      @Schema(description = "Volunteer team (志愿服务队)") UUID teamId,
      @Schema(description = "Branch (党支部)", example = "5c8d2e10-7a4b-4c3d-9e1f-0a1b2c3d4e5f")
          UUID branchId,
      @Schema(description = "Member (党员)", example = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
          UUID memberId,
      @Schema(description = "Name of the member (姓名)", example = "张秀兰") String memberName,
      @Schema(description = "Date served", example = "2026-11-20") LocalDate servedOn,
      @Schema(description = "Hours of service", example = "2.5") BigDecimal hours,
      @Schema(description = "What was done (服务内容)") String description) {
    static ServiceView of(VolunteerService s) {
      return new ServiceView(
          s.id, s.teamId, s.branchId, s.memberId, s.memberName, s.servedOn, s.hours, s.description);
    }
  }

  @POST
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Create a volunteer team of a branch")
  @APIResponse(
      responseCode = "201",
      description = "The created volunteer team (志愿服务队)",
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
              schema = @Schema(implementation = TeamView.class)))
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
  @APIResponse(
      responseCode = "200",
      description = "The volunteer team",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
  public Response get(@PathParam("id") UUID id) {
    VolunteerTeam t = service.get(id);
    return Response.ok(TeamView.of(t)).tag(Versions.etag(t.version)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Rename a team or change its description")
  @APIResponse(
      responseCode = "200",
      description = "The volunteer team after the edit",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamView.class)))
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
  @APIResponse(
      responseCode = "201",
      description = "The new team member",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TeamMemberView.class)))
  public Response addMember(@PathParam("id") UUID id, @NotNull @Valid AddMember request) {
    return Response.status(201)
        .entity(TeamMemberView.of(service.addMember(id, request.memberId())))
        .build();
  }

  @DELETE
  @Path("{id}/members/{memberId}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Remove a member from a team (their service records stay)")
  @APIResponse(responseCode = "204", description = "Removed from the team (also when not a member)")
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
  @APIResponse(
      responseCode = "201",
      description = "The recorded service (志愿服务时长)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ServiceView.class)))
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
