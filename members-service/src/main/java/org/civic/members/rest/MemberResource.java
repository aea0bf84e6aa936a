package org.civic.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Category;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.Standing;
import org.civic.members.persistence.ListedMember;
import org.civic.members.persistence.MemberQuery;
import org.civic.members.rest.MemberRequests.ChangeStatus;
import org.civic.members.rest.MemberRequests.RegisterMember;
import org.civic.members.rest.MemberRequests.Relocate;
import org.civic.members.rest.MemberRequests.SaveSensitiveProfile;
import org.civic.members.rest.MemberRequests.UpdateMember;
import org.civic.members.rest.MemberViews.MemberView;
import org.civic.members.rest.MemberViews.ResidenceChangeView;
import org.civic.members.rest.MemberViews.SensitiveProfileView;
import org.civic.members.rest.MemberViews.StatusChangeView;
import org.civic.members.service.MemberImportService;
import org.civic.members.service.MemberImportService.ImportResult;
import org.civic.members.service.MemberService;
import org.civic.members.service.sheet.SheetReader;
import org.civic.members.service.sheet.SheetRow;
import org.civic.web.locking.Versions;
import org.civic.web.openapi.ApiDocs;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.problem.ProblemType;
import org.civic.web.security.Caller;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "The member register (党员登记造册)")
public class MemberResource {
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final String IMPORT_DESCRIPTION =
      """
      Imports members from a sheet: CSV (UTF-8, comma-separated, header in the first row) or \
      .xlsx (first worksheet, header in the first row). Each row registers one ACTIVE member \
      (or the status given) and publishes one MemberRegistered event; households are created \
      for new addresses.

      **Columns** (header in English or Chinese, any order, case-insensitive; unknown columns \
      are ignored; * = required):
      name/姓名*, gender/性别* (MALE|FEMALE or 男|女), birthDate/出生日期* (yyyy-MM-dd, also \
      yyyy/M/d), ethnicity/民族, phone/联系电话, standing/党员身份* (FULL|PROBATIONARY or \
      正式党员|预备党员), joinedOn/入党日期, fullMemberOn/转正日期, category/党员类别* \
      (RETIRED_CADRE|RETIRED|EMPLOYED|FLOATING or 离休|退休|在职|流动), membershipHeld/组织关系所在 \
      (COMMUNITY|EMPLOYER or 本社区|工作单位), membershipOrganisation/组织关系所在党组织, \
      workUnit/工作单位, position/职务, specialties/爱好特长 (separated by ; , 、 or |), \
      buildingId/楼幢编号 (UUID of a building known from branches-service; may be left out \
      when ?buildingId= is given), unit/单元*, room/室号*, status/状态 (default ACTIVE; \
      ACTIVE|LOST_CONTACT|SUSPENDED|DECEASED|TRANSFERRED_OUT or 正常|失联|停止党籍|去世|组织关系转出), \
      statusSince/状态日期 (default today). The export writes exactly this layout.

      **All or nothing.** Every row is validated first; if any row is bad the answer is one 422 \
      problem listing every bad row and field (`errors[].field` like `row 7: birthDate`; row \
      numbers as the spreadsheet shows them, header = row 1) and nothing is imported. A partly \
      imported register is worse than none: the worker would have to find out which members \
      made it in and which did not, and a second import of the fixed file would duplicate \
      the first half. Instead the worker fixes the sheet and imports it again. \
      `?dryRun=true` only validates.

      Limits: 5 MB and 20,000 rows per file (413 / 400 above); a file that is not CSV or xlsx \
      is a 415, an unreadable one a 400, an xlsx that expands far beyond its size (a zip bomb) \
      a 413 without being parsed.

      **Scope.** Street administrators and community secretaries only, into buildings of their \
      scope: rows naming a building outside it fail the whole file with one 403 listing those \
      rows (`errors[].field` like `row 7: buildingId`).
      """;

  private final MemberService service;
  private final MemberImportService imports;
  private final CurrentCaller callers;

  MemberResource(MemberService service, MemberImportService imports, CurrentCaller callers) {
    this.service = service;
    this.imports = imports;
    this.callers = callers;
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(
      summary = "Register a member (党员登记)",
      description =
          "The building must be known from branches-service (else 422). The household (家庭) of"
              + " the address is created if needed. Publishes MemberRegistered.")
  @APIResponse(
      responseCode = "201",
      description = "The registered member",
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
              schema = @Schema(implementation = MemberView.class)))
  public Response register(@NotNull @Valid RegisterMember request, UriInfo uri) {
    Member m = service.register(request.details(), request.address());
    return Response.created(uri.getAbsolutePathBuilder().path(m.id.toString()).build())
        .tag(Versions.etag(m.version))
        .entity(MemberView.of(m, callers.caller()))
        .build();
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
      summary = "Read a member",
      description =
          "ETag carries the version. Staff read the members of their scope; a MEMBER reads themself"
              + " and the members of their household (phone masked). Outside the scope: 404.")
  @APIResponse(
      responseCode = "200",
      description = "The member",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberView.class)))
  public Response get(@PathParam("id") UUID id) {
    ListedMember m = service.read(id);
    return Response.ok(MemberView.of(m, callers.caller())).tag(Versions.etag(m.version())).build();
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.MEMBER
  })
  @Operation(
      summary = "Search the register",
      description =
          "Only members of the caller's scope (a MEMBER: themself and their household); the"
              + " total counts only those. "
              + "Filters combine with AND. Sorted by name, then id (stable). Ages are computed from"
              + " the birth date on today's date in Asia/Shanghai. `q` finds names containing the"
              + " text (Chinese names included: 秀 finds 张秀兰).")
  public Page<MemberView> search(
      @Parameter(description = "Community (社区)") @QueryParam("communityId") String communityId,
      @Parameter(description = "Building (樓幢)") @QueryParam("buildingId") String buildingId,
      @Parameter(description = "Household (家庭)") @QueryParam("householdId") String householdId,
      @Parameter(description = "Building branch (樓幢党支部)") @QueryParam("branchId") String branchId,
      @Parameter(description = "RETIRED_CADRE — 离休, RETIRED — 退休, EMPLOYED — 在职, FLOATING — 流动")
          @QueryParam("category")
          String category,
      @Parameter(description = "PROBATIONARY — 预备党员, FULL — 正式党员") @QueryParam("standing")
          String standing,
      @Parameter(
              description =
                  "ACTIVE — 正常, TRANSFERRED_OUT — 组织关系转出, DECEASED — 去世, LOST_CONTACT — 失联,"
                      + " SUSPENDED — 停止党籍")
          @QueryParam("status")
          String status,
      @Parameter(description = "Specialty tag (爱好特长), e.g. medical") @QueryParam("specialty")
          String specialty,
      @Parameter(description = "Minimum age in years") @QueryParam("minAge") String minAge,
      @Parameter(description = "Maximum age in years") @QueryParam("maxAge") String maxAge,
      @Parameter(description = "Text contained in the name") @QueryParam("q") String q,
      @Parameter(
              description = "Only members LOST_CONTACT (失联) for at least this many months, e.g. 6")
          @QueryParam("lostContactSinceMonths")
          String lostContactSinceMonths,
      @Valid @BeanParam PageRequest page) {
    Integer min = Params.integer("minAge", minAge, 0, 150);
    Integer max = Params.integer("maxAge", maxAge, 0, 150);
    if (min != null && max != null && min > max) {
      throw ProblemException.invalid("minAge", "must not be greater than maxAge");
    }
    if (q != null && q.length() > 50) {
      throw ProblemException.invalid("q", "must be at most 50 characters");
    }
    Caller viewer = callers.caller();
    MemberQuery query =
        new MemberQuery(
            Params.uuid("communityId", communityId),
            Params.uuid("buildingId", buildingId),
            Params.uuid("householdId", householdId),
            Params.uuid("branchId", branchId),
            Params.enumeration("category", Category.class, category),
            Params.enumeration("standing", Standing.class, standing),
            Params.enumeration("status", MemberStatus.class, status),
            specialty,
            min,
            max,
            q,
            Params.integer("lostContactSinceMonths", lostContactSinceMonths, 0, 1200));
    return service.search(query, page).map(m -> MemberView.of(m, viewer));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(
      summary = "Edit a member",
      description =
          "Replaces name, standing, category, tags and the other data (not residence or status)."
              + " Needs the version (If-Match or body): stale is 412/409. Publishes MemberUpdated"
              + " when something changed.")
  @APIResponse(
      responseCode = "200",
      description = "The member after the edit",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberView.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid UpdateMember request) {
    Member m = service.update(id, request.details(), ifMatch, request.version());
    return Response.ok(MemberView.of(m, callers.caller())).tag(Versions.etag(m.version)).build();
  }

  @POST
  @Path("{id}/relocation")
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(
      summary = "Relocate a member (搬迁)",
      description =
          "Moves the member to a new building, unit and room: the household is found or created,"
              + " the residence history keeps the move, MemberRelocated (from, to) is published."
              + " Relocating to the current address is a no-op: 200 with the unchanged member and"
              + " no event. A version (If-Match or body) is optional and checked when given. The"
              + " new building must be in the caller's scope (a branch secretary: the member's"
              + " community), else 403.")
  @APIResponse(
      responseCode = "200",
      description = "The member at the new address",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberView.class)))
  public Response relocate(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid Relocate request) {
    MemberService.Relocation r =
        service.relocate(id, request.address(), request.effectiveAt(), ifMatch, request.version());
    return Response.ok(MemberView.of(r.member(), callers.caller()))
        .tag(Versions.etag(r.member().version))
        .build();
  }

  @POST
  @Path("{id}/status")
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(
      summary = "Change a member's status",
      description =
          "Allowed: ACTIVE → LOST_CONTACT | SUSPENDED | DECEASED; LOST_CONTACT → ACTIVE |"
              + " SUSPENDED | DECEASED; SUSPENDED → ACTIVE | DECEASED. DECEASED and"
              + " TRANSFERRED_OUT are final; TRANSFERRED_OUT comes only from a confirmed transfer."
              + " Kept in the status history; publishes MemberStatusChanged.")
  @APIResponse(
      responseCode = "200",
      description = "The member with the new status",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MemberView.class)))
  public Response changeStatus(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid ChangeStatus request) {
    Member m =
        service.changeStatus(
            id,
            request.status(),
            request.effectiveDate(),
            request.reason(),
            ifMatch,
            request.version());
    return Response.ok(MemberView.of(m, callers.caller())).tag(Versions.etag(m.version)).build();
  }

  @GET
  @Path("{id}/status-history")
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(summary = "Status history of a member, oldest first")
  public List<StatusChangeView> statusHistory(@PathParam("id") UUID id) {
    return service.statusHistory(id).stream().map(StatusChangeView::of).toList();
  }

  @GET
  @Path("{id}/residence-history")
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(summary = "Relocations of a member, oldest first")
  public List<ResidenceChangeView> residenceHistory(@PathParam("id") UUID id) {
    return service.residenceHistory(id).stream().map(ResidenceChangeView::of).toList();
  }

  @GET
  @Path("{id}/sensitive-profile")
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.MEMBER
  })
  @Operation(
      summary = "Read the sensitive profile (敏感个人信息)",
      description =
          "For the member themself, the branch secretary of the member's branch, the community"
              + " secretary and street administrator whose scope includes the member; anyone else"
              + " gets 404, as when none was saved yet. The ID number is masked. Every read is"
              + " written to the audit log (resource type SensitiveProfile).")
  @APIResponse(
      responseCode = "200",
      description = "The sensitive profile (ID number masked); the ETag is the profile version",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SensitiveProfileView.class)))
  public Response sensitiveProfile(@PathParam("id") UUID id) {
    MemberService.ProfileRead p = service.sensitiveProfile(id);
    return Response.ok(SensitiveProfileView.of(p)).tag(Versions.etag(p.profile().version)).build();
  }

  @PUT
  @Path("{id}/sensitive-profile")
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(
      summary = "Save the sensitive profile",
      description =
          "Creates it (no version needed) or replaces it (version of the profile needed,"
              + " If-Match or body). Publishes no event. Staff whose scope includes the member."
              + " The ID number is validated (GB 11643 check digit, else 400) and stored"
              + " encrypted; leaving it out keeps the stored one.")
  @APIResponse(
      responseCode = "200",
      description = "The saved sensitive profile; the ETag is the profile version",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SensitiveProfileView.class)))
  public Response saveSensitiveProfile(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull @Valid SaveSensitiveProfile request) {
    MemberService.ProfileRead p =
        service.saveSensitiveProfile(
            id,
            request.health(),
            request.livingSituation(),
            request.family(),
            request.hardship(),
            request.hardshipReason(),
            request.idNumber(),
            ifMatch,
            request.version());
    return Response.ok(SensitiveProfileView.of(p)).tag(Versions.etag(p.profile().version)).build();
  }

  @POST
  @Path("import")
  @Consumes("text/csv")
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(summary = "Import members from CSV (批量导入)", description = IMPORT_DESCRIPTION)
  public ImportResult importCsv(
      byte[] body,
      @Parameter(description = "Only validate, import nothing")
          @QueryParam("dryRun")
          @DefaultValue("false")
          boolean dryRun,
      @Parameter(description = "Building of rows that have no buildingId") @QueryParam("buildingId")
          String buildingId) {
    return run(reader().csv(checkSize(body)), buildingId, dryRun);
  }

  @POST
  @Path("import")
  @Consumes(XLSX)
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(summary = "Import members from xlsx (批量导入)", description = IMPORT_DESCRIPTION)
  public ImportResult importXlsx(
      byte[] body,
      @Parameter(description = "Only validate, import nothing")
          @QueryParam("dryRun")
          @DefaultValue("false")
          boolean dryRun,
      @Parameter(description = "Building of rows that have no buildingId") @QueryParam("buildingId")
          String buildingId) {
    return run(reader().xlsx(checkSize(body)), buildingId, dryRun);
  }

  @GET
  @Path("export")
  @Produces(XLSX)
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(
      summary = "Export the register as xlsx (导出名册)",
      description =
          "The members of a building or a community (give one) that the caller may see, sorted"
              + " by name, in the import layout with Chinese headers: the file re-imports as is."
              + " Cells that a spreadsheet would run as a formula (starting with = + - @) get a"
              + " leading apostrophe, which the import removes. Every export is written to the"
              + " audit log (resource type MemberExport, the exported member ids).")
  @APIResponse(
      responseCode = "200",
      description = "The register as an .xlsx workbook in the import layout",
      headers = {
        @Header(
            name = ApiDocs.CONTENT_DISPOSITION,
            description = ApiDocs.CONTENT_DISPOSITION_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = ApiDocs.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response export(
      @QueryParam("buildingId") String buildingId, @QueryParam("communityId") String communityId) {
    UUID building = Params.uuid("buildingId", buildingId);
    UUID community = Params.uuid("communityId", communityId);
    if (building == null && community == null) {
      throw ProblemException.invalid("buildingId", "give buildingId or communityId");
    }
    byte[] file = imports.export(building, community);
    String name = "members-" + (building != null ? building : community) + ".xlsx";
    return Response.ok(file, XLSX)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  private ImportResult run(List<SheetRow> rows, String buildingId, boolean dryRun) {
    return imports.importRows(rows, Params.uuid("buildingId", buildingId), dryRun);
  }

  private static SheetReader reader() {
    return new SheetReader(MemberImportService.MAX_ROWS);
  }

  private static byte[] checkSize(byte[] body) {
    if (body == null || body.length == 0) {
      throw ProblemException.invalid("file", "the body is empty: send the sheet");
    }
    if (body.length > MemberImportService.MAX_BYTES) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The file has "
              + body.length
              + " bytes; at most "
              + MemberImportService.MAX_BYTES
              + " are accepted: split it");
    }
    return body;
  }
}
