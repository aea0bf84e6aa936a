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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.Honour;
import org.civic.branches.domain.HonourKind;
import org.civic.branches.service.AssessmentService;
import org.civic.branches.service.TermService;
import org.civic.web.openapi.ApiDocs;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/honours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Honours", description = "Honours awarded per year (评先评优)")
public class HonourResource {
  static final String KINDS =
      "ADVANCED_BUILDING_BRANCH — 先进樓幢党支部 (give branchId); CIVILISED_BUILDING — 文明樓幢 (give"
          + " buildingId); OUTSTANDING_MEMBER — 社区优秀党员 (give memberId)";

  private final AssessmentService service;

  HonourResource(AssessmentService service) {
    this.service = service;
  }

  @Schema(name = "AwardHonour")
  public record AwardHonour(
      @NotNull @Schema(description = KINDS) HonourKind kind,
      @Schema(description = "Year of the award (表彰年度)", example = "2026")
          @NotNull
          @Min(2000)
          @Max(2100)
          Integer year,
      @Schema(description = "Branch honoured (for branch honours)") UUID branchId,
      @Schema(description = "Building honoured (for building honours)") UUID buildingId,
      @Schema(description = "Member honoured (for member honours)") UUID memberId,
      @NotBlank @Size(max = 4000) @Schema(description = "The basis of the award (评选依据)")
          String basis,
      @Schema(description = "Date of the award; today if omitted") LocalDate awardedOn) {}

  @Schema(name = "Honour")
  public record HonourView(
      @Schema(description = "Id of the honour", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = KINDS) HonourKind kind,
      @Schema(description = "Year of the award (表彰年度)", example = "2026") int year,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Branch honoured, for branch honours") UUID branchId,
      @Schema(description = "Building honoured, for building honours") UUID buildingId,
      @Schema(description = "Member honoured, for member honours") UUID memberId,
      @Schema(description = "The basis of the award (评选依据)") String basis,
      @Schema(description = "Date of the award") LocalDate awardedOn) {
    static HonourView of(Honour h) {
      return new HonourView(
          h.id,
          h.kind,
          h.year,
          h.communityId,
          h.branchId,
          h.buildingId,
          h.memberId,
          h.basis,
          h.awardedOn);
    }
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(
      summary = "Award an honour",
      description = "Once per recipient, kind and year; the basis is required.")
  @APIResponse(
      responseCode = "201",
      description = "The awarded honour (表彰)",
      headers = {
        @Header(
            name = ApiDocs.LOCATION,
            description = ApiDocs.LOCATION_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, format = "uri"))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HonourView.class)))
  public Response award(@NotNull @Valid AwardHonour r, UriInfo uri) {
    Honour h =
        service.award(
            r.kind(),
            r.year(),
            r.branchId(),
            r.buildingId(),
            r.memberId(),
            r.basis(),
            r.awardedOn() != null ? r.awardedOn() : LocalDate.now(TermService.ZONE));
    return Response.created(uri.getAbsolutePathBuilder().path(h.id.toString()).build())
        .entity(HonourView.of(h))
        .build();
  }

  @GET
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(summary = "List honours", description = "Filter by community and year; newest first.")
  public List<HonourView> list(
      @QueryParam("communityId") UUID communityId,
      @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
    return service.honours(communityId, year).stream().map(HonourView::of).toList();
  }
}
