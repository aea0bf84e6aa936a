package org.civic.branches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.OrgKind;
import org.civic.branches.domain.OrgUnit;
import org.civic.branches.service.OrgUnitService;
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

@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation tree", description = "Party organisations (树状组织) of a street")
public class OrgUnitResource {
  static final String KINDS =
      "STREET_WORKING_COMMITTEE — 街道党工委 (root); COMMUNITY_COMMITTEE — 社区党委/党总支 (under a street);"
          + " BUILDING_BRANCH — 樓幢党支部, JOINT_BRANCH — 联合支部 (under a community, established via"
          + " /api/v1/branches); PARTY_GROUP — 党小组 (under a branch); UNIT_ORGANISATION — 驻区单位党组织,"
          + " FLOATING_MEMBER_STATION — 流动党员管理站 (under a community)";

  private final OrgUnitService service;

  OrgUnitResource(OrgUnitService service) {
    this.service = service;
  }

  @Schema(name = "CreateOrgUnit")
  public record CreateOrgUnit(
      @Schema(
              description =
                  "The new unit's id; required for a street working committee (the id the street"
                      + " administrator's token is bound to), random when omitted otherwise")
          UUID id,
      @Schema(description = "Parent unit; omit for a street working committee (the root)")
          UUID parentId,
      @NotNull @Schema(description = KINDS) OrgKind kind,
      @NotBlank @Size(max = 200) @Schema(description = "Name", example = "金贡里社区党委") String name,
      @Size(max = 50) @Schema(description = "Official organisation code (组织代码), optional")
          String code) {}

  @Schema(name = "OrgUnit")
  public record OrgUnitView(
      @Schema(description = "Id of the org unit", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Parent unit, null for a root") UUID parentId,
      @Schema(description = KINDS) OrgKind kind,
      @Schema(description = "Name (名称)", example = "金贡里社区党委") String name,
      @Schema(description = "Official organisation code (组织代码)") String code,
      @Schema(description = "Community (社区) the unit belongs to; its own id for a community")
          UUID communityId,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static OrgUnitView of(OrgUnit u) {
      return new OrgUnitView(u.id, u.parentId, u.kind, u.name, u.code, u.communityId, u.version);
    }
  }

  @Schema(name = "OrgUnitNode")
  public record OrgUnitNode(
      @Schema(description = "Id of the org unit", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Parent unit, null for a root") UUID parentId,
      @Schema(description = KINDS) OrgKind kind,
      @Schema(description = "Name (名称)", example = "金贡里社区党委") String name,
      @Schema(description = "Official organisation code (组织代码)") String code,
      @Schema(description = "Community (社区) the unit belongs to; its own id for a community")
          UUID communityId,
      @Schema(description = "Child units, sorted by name") List<OrgUnitNode> children) {
    static OrgUnitNode of(OrgUnitService.Node n) {
      OrgUnit u = n.unit();
      return new OrgUnitNode(
          u.id,
          u.parentId,
          u.kind,
          u.name,
          u.code,
          u.communityId,
          n.children().stream().map(OrgUnitNode::of).toList());
    }
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(
      summary = "Create an org unit",
      description =
          "Placement rules: street at the root, community under a street, unit organisation and"
              + " floating-member station under a community, party group under a branch. Branches"
              + " are established with POST /api/v1/branches. A street (root) is created only by"
              + " the STREET_ADMIN whose token is bound to the given id (403 otherwise, 409 if it"
              + " exists); other units only under a parent in the caller's scope (403).")
  @APIResponse(
      responseCode = "201",
      description = "The created org unit",
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
              schema = @Schema(implementation = OrgUnitView.class)))
  public Response create(@NotNull @Valid CreateOrgUnit request, UriInfo uri) {
    OrgUnit u =
        service.create(
            request.id(), request.parentId(), request.kind(), request.name(), request.code());
    return Response.created(uri.getAbsolutePathBuilder().path(u.id.toString()).build())
        .tag(Versions.etag(u.version))
        .entity(OrgUnitView.of(u))
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
      summary = "List org units",
      description =
          "The children of ?parentId that the caller may see; without parentId, the top of the"
              + " caller's part of the tree (the street, community or branch their role is bound"
              + " to).")
  public Page<OrgUnitView> list(
      @QueryParam("parentId") UUID parentId, @Valid @BeanParam PageRequest page) {
    return service.children(parentId, page).map(OrgUnitView::of);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(summary = "Read an org unit", description = "403 outside the caller's scope.")
  @APIResponse(
      responseCode = "200",
      description = "The org unit",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrgUnitView.class)))
  public Response get(@PathParam("id") UUID id) {
    OrgUnit u = service.get(id);
    return Response.ok(OrgUnitView.of(u)).tag(Versions.etag(u.version)).build();
  }

  @GET
  @Path("{id}/tree")
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(
      summary = "Read a subtree",
      description = "The unit and the units below it that the caller may see.")
  public OrgUnitNode tree(@PathParam("id") UUID id) {
    return OrgUnitNode.of(service.tree(id));
  }
}
