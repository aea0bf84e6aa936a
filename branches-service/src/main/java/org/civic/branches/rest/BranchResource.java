package org.civic.branches.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.Branch;
import org.civic.branches.domain.BranchStatus;
import org.civic.branches.domain.Category;
import org.civic.branches.domain.MemberStatus;
import org.civic.branches.domain.OrgKind;
import org.civic.branches.domain.Resident;
import org.civic.branches.domain.Standing;
import org.civic.branches.service.BranchService;
import org.civic.branches.service.BranchService.BranchStatusView;
import org.civic.branches.service.BranchService.Outcome;
import org.civic.branches.service.TermService;
import org.civic.web.locking.Versions;
import org.civic.web.openapi.ApiDocs;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/branches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Branches",
    description = "Building branches (樓幢党支部) and joint branches (联合支部), their rosters")
public class BranchResource {
  static final String KIND =
      "BUILDING_BRANCH — 樓幢党支部 (one building); JOINT_BRANCH — 联合支部 (2 to 5 buildings)";

  private final BranchService service;

  BranchResource(BranchService service) {
    this.service = service;
  }

  @Schema(name = "EstablishBranch")
  public record EstablishBranch(
      @NotNull @Schema(description = "Community (社区党委/总支) the branch belongs to") UUID communityId,
      @NotBlank
          @Size(max = 200)
          @Schema(description = "Name of the branch (支部名称)", example = "金贡里3号楼党支部")
          String name,
      @NotNull @Schema(description = KIND) OrgKind kind,
      @NotEmpty @Size(max = 5) @Schema(description = "Buildings covered (樓幢)")
          List<@NotNull UUID> buildingIds,
      @Schema(description = "Founding date; today (Asia/Shanghai) if omitted")
          LocalDate establishedOn,
      @Size(max = 50) @Schema(description = "Official organisation code, optional") String code) {}

  @Schema(name = "ChangeCoverage")
  public record ChangeCoverage(
      @NotEmpty
          @Size(max = 5)
          @Schema(description = "All buildings the branch covers after the change")
          List<@NotNull UUID> buildingIds,
      @Schema(
              description = "The branch version this change is based on (or send If-Match)",
              example = "3")
          Long version) {}

  @Schema(name = "DissolveBranch")
  public record DissolveBranch(
      @Schema(description = "Date of dissolution; today if omitted") LocalDate dissolvedOn,
      @NotBlank @Size(max = 500) @Schema(description = "Why the branch is dissolved") String reason,
      @Schema(
              description = "The branch version this change is based on (or send If-Match)",
              example = "3")
          Long version) {}

  @Schema(name = "MergeBranch")
  public record MergeBranch(
      @NotNull @Schema(description = "The branch taking over the buildings and members")
          UUID intoBranchId,
      @Schema(description = "Date of the merger; today if omitted") LocalDate mergedOn,
      @Schema(description = "This (merged) branch's version (or send If-Match)", example = "3")
          Long version) {}

  @Schema(name = "Branch")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BranchView(
      @Schema(description = "Id of the branch", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Name (名称)", example = "金贡里3号楼党支部") String name,
      @Schema(description = KIND) OrgKind kind,
      @Schema(description = "Official organisation code") String code,
      @Schema(description = "ACTIVE — 在册; DISSOLVED — 已撤销") BranchStatus status,
      @Schema(description = "Founding date (成立日期)", example = "2024-07-01") LocalDate establishedOn,
      @Schema(description = "Dissolution date (撤销日期); null while active") LocalDate dissolvedOn,
      @Schema(description = "Why it was dissolved or merged") String dissolvedReason,
      @Schema(description = "The branch this one was merged into") UUID mergedInto,
      @Schema(description = "Buildings covered now") List<UUID> buildingIds,
      @Schema(description = "Members on the roster") long members,
      @Schema(description = "Full members (正式党员) on the roster") long fullMembers,
      @Schema(description = "Alert: an active branch with fewer than 3 full members")
          boolean belowMinimum,
      @Schema(description = "Rule warnings of this change, e.g. more than 50 members")
          List<String> warnings,
      @Schema(description = "Members who joined or left a roster because of this change")
          Integer rosterChanges,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static BranchView of(BranchStatusView s) {
      return of(s, null, null);
    }

    static BranchView of(BranchStatusView s, List<String> warnings, Integer rosterChanges) {
      Branch b = s.branch();
      return new BranchView(
          b.id,
          b.communityId,
          b.name,
          b.kind,
          s.code(),
          b.status,
          b.establishedOn,
          b.dissolvedOn,
          b.dissolvedReason,
          b.mergedInto,
          s.buildingIds(),
          s.members(),
          s.fullMembers(),
          s.belowMinimum(),
          warnings,
          rosterChanges,
          b.version);
    }

    static BranchView of(Outcome o) {
      return of(o.branch(), o.warnings(), o.rosterChanges());
    }
  }

  @Schema(name = "RosterMember")
  public record RosterMemberView(
      @Schema(description = "Member (党员)", example = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
          UUID memberId,
      @Schema(description = "Name (姓名)", example = "张秀兰") String name,
      @Schema(description = "Building (樓幢)", example = "7e4f1a2b-3c5d-4e6f-8a9b-0c1d2e3f4a5b")
          UUID buildingId,
      @Schema(description = "Household (家庭)", example = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a")
          UUID householdId,
      @Schema(description = "PROBATIONARY — 预备党员; FULL — 正式党员") Standing standing,
      @Schema(description = "RETIRED_CADRE — 离休, RETIRED — 退休, EMPLOYED — 在职, FLOATING — 流动")
          Category category,
      @Schema(description = "ACTIVE — 正常; LOST_CONTACT — 失联") MemberStatus status) {
    static RosterMemberView of(Resident r) {
      return new RosterMemberView(
          r.memberId, r.name, r.buildingId, r.householdId, r.standing, r.category, r.status);
    }
  }

  private static LocalDate today(LocalDate date) {
    return date != null ? date : LocalDate.now(TermService.ZONE);
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(
      summary = "Establish a branch",
      description =
          "Rules (422 when broken): at least 3 full members (正式党员) living in the covered"
              + " buildings; a BUILDING_BRANCH covers exactly one building, a JOINT_BRANCH 2 to 5;"
              + " a building belongs to at most one active branch; all buildings in the branch's"
              + " community. More than 50 members is a warning in `warnings`. Publishes"
              + " BranchEstablished and RosterChanged (JOINED) for each member living there.")
  @APIResponse(
      responseCode = "201",
      description = "The established branch (党支部)",
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
              schema = @Schema(implementation = BranchView.class)))
  public Response establish(@NotNull @Valid EstablishBranch r, UriInfo uri) {
    Outcome o =
        service.establish(
            r.communityId(),
            r.name(),
            r.kind(),
            r.buildingIds(),
            today(r.establishedOn()),
            r.code());
    return Response.created(
            uri.getAbsolutePathBuilder().path(o.branch().branch().id.toString()).build())
        .tag(Versions.etag(o.branch().branch().version))
        .entity(BranchView.of(o))
        .build();
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(
      summary = "List branches",
      description = "Sorted by name; filter by community and status.")
  public Page<BranchView> list(
      @QueryParam("communityId") UUID communityId,
      @QueryParam("status") @Schema(description = "ACTIVE — 在册; DISSOLVED — 已撤销") String status,
      @Valid @BeanParam PageRequest page) {
    return service.list(communityId, parseStatus(status), page).map(BranchView::of);
  }

  /** A wrong enum in a query parameter is the client's mistake (400), not a missing page (404). */
  private static BranchStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return BranchStatus.valueOf(status.trim());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "status", "must be one of " + java.util.Arrays.toString(BranchStatus.values()));
    }
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Path("alerts")
  @Operation(
      summary = "Branches needing attention",
      description = "Active branches with fewer than 3 full members (正式党员) on their roster.")
  public List<BranchView> alerts(@QueryParam("communityId") UUID communityId) {
    return service.alerts(communityId).stream().map(BranchView::of).toList();
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Path("{id}")
  @Operation(
      summary = "Read a branch",
      description = "With its buildings, roster size and alert flag.")
  @APIResponse(
      responseCode = "200",
      description = "The branch",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BranchView.class)))
  public Response get(@PathParam("id") UUID id) {
    BranchStatusView s = service.view(id);
    return Response.ok(BranchView.of(s)).tag(Versions.etag(s.branch().version)).build();
  }

  @GET
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Path("{id}/roster")
  @Operation(
      summary = "A branch's roster",
      description =
          "Members living in its buildings whose status is ACTIVE or LOST_CONTACT, sorted by name.")
  public Page<RosterMemberView> roster(
      @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
    return service.roster(id, page).map(RosterMemberView::of);
  }

  @PUT
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Path("{id}/coverage")
  @Operation(
      summary = "Change the buildings a branch covers",
      description =
          "Same rules as establishing. Publishes BranchCoverageChanged and RosterChanged for members"
              + " who join or leave. Needs the version (If-Match or body).")
  @APIResponse(
      responseCode = "200",
      description = "The branch with its new coverage",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BranchView.class)))
  public Response changeCoverage(
      @PathParam("id") UUID id,
      @NotNull @Valid ChangeCoverage r,
      @HeaderParam("If-Match") String ifMatch) {
    Outcome o = service.changeCoverage(id, r.buildingIds(), ifMatch, r.version());
    return Response.ok(BranchView.of(o)).tag(Versions.etag(o.branch().branch().version)).build();
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Path("{id}/dissolution")
  @Operation(
      summary = "Dissolve a branch",
      description =
          "Its buildings become uncovered, its members leave the roster (RosterChanged LEFT) and"
              + " its current term ends. Publishes BranchDissolved.")
  @APIResponse(
      responseCode = "200",
      description = "The dissolved branch",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BranchView.class)))
  public Response dissolve(
      @PathParam("id") UUID id,
      @NotNull @Valid DissolveBranch r,
      @HeaderParam("If-Match") String ifMatch) {
    Outcome o = service.dissolve(id, today(r.dissolvedOn()), r.reason(), ifMatch, r.version());
    return Response.ok(BranchView.of(o)).tag(Versions.etag(o.branch().branch().version)).build();
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Path("{id}/merge")
  @Operation(
      summary = "Merge a branch into another",
      description =
          "The other branch takes over this branch's buildings (its rules must still hold, e.g. a"
              + " joint branch covers at most 5), this branch is dissolved with mergedInto, members"
              + " move (RosterChanged LEFT then JOINED). Returns the receiving branch.")
  @APIResponse(
      responseCode = "200",
      description = "The merged (absorbed) branch",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BranchView.class)))
  public Response merge(
      @PathParam("id") UUID id,
      @NotNull @Valid MergeBranch r,
      @HeaderParam("If-Match") String ifMatch) {
    Outcome o = service.merge(id, r.intoBranchId(), today(r.mergedOn()), ifMatch, r.version());
    return Response.ok(BranchView.of(o)).tag(Versions.etag(o.branch().branch().version)).build();
  }
}
