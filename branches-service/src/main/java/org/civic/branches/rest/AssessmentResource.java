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
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
      @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
      @NotBlank @Size(max = 4000) @Schema(description = "Goals of the year (年初目标)") String goals) {}

  @Schema(name = "RecordAssessment")
  public record RecordAssessment(
      @NotBlank @Size(max = 4000) String goals,
      @Size(max = 4000) @Schema(description = "Mid-year inspection notes (年中检查)")
          String midYearNotes,
      @Min(0) @Max(100) @Schema(description = "Year-end score 0-100 (年底考核)") Integer yearEndScore,
      @Size(max = 4000) String yearEndNotes,
      @Schema(description = "The version this change is based on (or send If-Match)")
          Long version) {}

  @Schema(name = "AnnualAssessment")
  public record AssessmentView(
      UUID id,
      UUID branchId,
      UUID communityId,
      int year,
      String goals,
      String midYearNotes,
      Integer yearEndScore,
      String yearEndNotes,
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
