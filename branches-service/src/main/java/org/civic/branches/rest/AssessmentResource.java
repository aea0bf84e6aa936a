package org.civic.branches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.AnnualAssessment;
import org.civic.branches.service.AssessmentService;
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

@Path("/api/v1/branches/{id}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Annual assessment",
    description =
        "Target responsibility (目标责任状): 年初有目标，年中有检查，年底有考核 — goals, mid-year"
            + " inspection, year-end score")
public class AssessmentResource {
  private final AssessmentService service;

  AssessmentResource(AssessmentService service) {
    this.service = service;
  }

  @Schema(name = "SetAnnualGoals")
  public record SetGoals(
      @NotNull
          @Min(2000)
          @Max(2100)
          @Schema(description = "Year of the assessment (考核年度)", example = "2026")
          Integer year,
      @NotBlank @Size(max = 4000) @Schema(description = "Goals of the year (年初目标)") String goals) {}

  @Schema(name = "RecordAssessment")
  public record RecordAssessment(
      @Schema(description = "Goals of the year (年初目标)") @NotBlank @Size(max = 4000) String goals,
      @Size(max = 4000) @Schema(description = "Mid-year inspection notes (年中检查)")
          String midYearNotes,
      @Min(0) @Max(100) @Schema(description = "Year-end score 0-100 (年底考核)") Integer yearEndScore,
      @Schema(description = "Year-end assessment notes (年底考核)") @Size(max = 4000)
          String yearEndNotes,
      @Schema(description = "The version this change is based on (or send If-Match)", example = "3")
          Long version) {}

  @Schema(name = "AnnualAssessment")
  public record AssessmentView(
      @Schema(
              description = "Id of the assessment",
              example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Branch (党支部) assessed") UUID branchId,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Calendar year", example = "2026") int year,
      @Schema(description = "Goals of the year (年初目标)") String goals,
      @Schema(description = "Mid-year inspection notes (年中检查)") String midYearNotes,
      @Schema(description = "Year-end score 0-100 (年底考核); null until recorded", example = "92")
          Integer yearEndScore,
      @Schema(description = "Year-end assessment notes (年底考核)") String yearEndNotes,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static AssessmentView of(AnnualAssessment a) {
      return new AssessmentView(
          a.id,
          a.branchId,
          a.communityId,
          a.year,
          a.goals,
          a.midYearNotes,
          a.yearEndScore,
          a.yearEndNotes,
          a.version);
    }
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(summary = "Set a year's goals", description = "One record per branch and year.")
  @APIResponse(
      responseCode = "201",
      description = "The annual assessment (年度考核) with its goals",
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
              schema = @Schema(implementation = AssessmentView.class)))
  public Response setGoals(
      @PathParam("id") UUID branchId, @NotNull @Valid SetGoals r, UriInfo uri) {
    AnnualAssessment a = service.setGoals(branchId, r.year(), r.goals());
    return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(a.year)).build())
        .tag(Versions.etag(a.version))
        .entity(AssessmentView.of(a))
        .build();
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(summary = "A branch's assessments", description = "Newest year first.")
  public List<AssessmentView> list(@PathParam("id") UUID branchId) {
    return service.ofBranch(branchId).stream().map(AssessmentView::of).toList();
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Path("{year}")
  @Operation(summary = "A branch's assessment of a year")
  @APIResponse(
      responseCode = "200",
      description = "The annual assessment",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssessmentView.class)))
  public Response get(@PathParam("id") UUID branchId, @PathParam("year") int year) {
    AnnualAssessment a = service.get(branchId, year);
    return Response.ok(AssessmentView.of(a)).tag(Versions.etag(a.version)).build();
  }

  @PUT
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Path("{year}")
  @Operation(
      summary = "Record the mid-year inspection and year-end score",
      description = "A year-end score needs the mid-year inspection first. Needs the version.")
  @APIResponse(
      responseCode = "200",
      description = "The annual assessment as recorded",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssessmentView.class)))
  public Response record(
      @PathParam("id") UUID branchId,
      @PathParam("year") int year,
      @NotNull @Valid RecordAssessment r,
      @HeaderParam("If-Match") String ifMatch) {
    AnnualAssessment a =
        service.record(
            branchId,
            year,
            r.goals(),
            r.midYearNotes(),
            r.yearEndScore(),
            r.yearEndNotes(),
            ifMatch,
            r.version());
    return Response.ok(AssessmentView.of(a)).tag(Versions.etag(a.version)).build();
  }
}
