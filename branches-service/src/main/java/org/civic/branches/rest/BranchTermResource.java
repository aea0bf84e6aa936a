package org.civic.branches.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.civic.branches.domain.CommitteeRules.SeatRequest;
import org.civic.branches.domain.ElectionMethod;
import org.civic.branches.domain.SeatRole;
import org.civic.branches.domain.Term;
import org.civic.branches.service.TermService;
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

@Path("/api/v1/branches/{id}/terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Committees and terms", description = "Branch committees (支部委员会) and their terms (届)")
public class BranchTermResource {
  static final String ROLES =
      "SECRETARY — 书记, DEPUTY_SECRETARY — 副书记, ORGANISATION — 组织委员, PUBLICITY — 宣传委员,"
          + " DISCIPLINE — 纪检委员, MEMBER — 委员";
  static final String METHODS =
      "COMPETITIVE_ELECTION — 差额选举, NON_COMPETITIVE_ELECTION — 等额选举, APPOINTED — 上级党组织指派";

  private final TermService service;

  BranchTermResource(TermService service) {
    this.service = service;
  }

  @Schema(name = "SeatRequest")
  public record SeatInput(
      @NotNull @Schema(description = "A member on the branch's roster") UUID memberId,
      @NotNull @Schema(description = ROLES) SeatRole role) {}

  @Schema(name = "ElectTerm")
  public record ElectTerm(
      @Min(1) @Schema(description = "Term number (第N届); previous + 1 if omitted") Integer number,
      @NotNull @Schema(description = "First day of the term") LocalDate startDate,
      @Schema(description = "Last day; start + 3 years - 1 day for a branch if omitted")
          LocalDate endDate,
      @NotNull @Schema(description = METHODS) ElectionMethod electionMethod,
      @NotEmpty @Size(max = 7) @Schema(description = "Seats; exactly one SECRETARY")
          List<@NotNull @Valid SeatInput> seats) {}

  @Schema(name = "Seat")
  public record SeatView(
      @Schema(description = "Member (党员) holding the seat") UUID memberId,
      @Schema(description = ROLES) SeatRole role,
      @Schema(description = "Name of the seat holder") String memberName) {}

  @Schema(name = "Term")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TermView(
      @Schema(description = "Id of the term", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Branch (党支部)", example = "5c8d2e10-7a4b-4c3d-9e1f-0a1b2c3d4e5f")
          UUID branchId,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Number of the term (第几届)", example = "3") int number,
      @Schema(description = "Start of the term", example = "2024-07-01") LocalDate startDate,
      @Schema(description = "End of the term (usually 5 years later)", example = "2029-06-30")
          LocalDate endDate,
      @Schema(description = METHODS) ElectionMethod electionMethod,
      @Schema(description = "The branch's current term (one per branch)") boolean current,
      @Schema(description = "Seat holders; left out for callers who may not see names")
          List<SeatView> seats,
      @Schema(description = "Rule warnings of this election") List<String> warnings,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static TermView of(Term t, List<String> warnings) {
      return new TermView(
          t.id,
          t.branchId,
          t.communityId,
          t.number,
          t.startDate,
          t.endDate,
          t.electionMethod,
          t.current,
          t.seats.stream().map(s -> new SeatView(s.memberId, s.role, s.memberName)).toList(),
          warnings,
          t.version);
    }

    /** The term's dates without the seat holders (for callers who may not see names). */
    static TermView withoutSeats(Term t) {
      return new TermView(
          t.id,
          t.branchId,
          t.communityId,
          t.number,
          t.startDate,
          t.endDate,
          t.electionMethod,
          t.current,
          null,
          null,
          t.version);
    }
  }

  @POST
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY})
  @Operation(
      summary = "Record an election (选举产生)",
      description =
          "A branch with 7 or more full members elects a committee of 3 to 5 (at most 7) with"
              + " exactly one secretary; a smaller branch has a secretary and optionally a deputy."
              + " Only members on the branch's roster hold seats. The previous current term ends."
              + " Publishes CommitteeElected.")
  @APIResponse(
      responseCode = "201",
      description = "The elected term (届) with its warnings",
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
              schema = @Schema(implementation = TermView.class)))
  public Response elect(@PathParam("id") UUID branchId, @NotNull @Valid ElectTerm r, UriInfo uri) {
    TermService.Elected e =
        service.elect(
            branchId,
            r.number(),
            r.startDate(),
            r.endDate(),
            r.electionMethod(),
            r.seats().stream().map(s -> new SeatRequest(s.memberId(), s.role())).toList());
    return Response.created(uri.getAbsolutePathBuilder().path(e.term().id.toString()).build())
        .tag(Versions.etag(e.term().version))
        .entity(TermView.of(e.term(), e.warnings()))
        .build();
  }

  @GET
  @RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
  @Operation(summary = "A branch's terms", description = "Newest first.")
  public List<TermView> ofBranch(@PathParam("id") UUID branchId) {
    return service.ofBranch(branchId).stream().map(t -> TermView.of(t, null)).toList();
  }
}
