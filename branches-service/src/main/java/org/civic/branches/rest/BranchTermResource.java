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
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
      UUID memberId, @Schema(description = ROLES) SeatRole role, String memberName) {}

  @Schema(name = "Term")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TermView(
      UUID id,
      UUID branchId,
      UUID communityId,
      int number,
      LocalDate startDate,
      LocalDate endDate,
      @Schema(description = METHODS) ElectionMethod electionMethod,
      @Schema(description = "The branch's current term (one per branch)") boolean current,
      @Schema(description = "Seat holders; left out for callers who may not see names")
          List<SeatView> seats,
      @Schema(description = "Rule warnings of this election") List<String> warnings,
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
