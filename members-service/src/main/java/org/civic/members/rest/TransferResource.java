package org.civic.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.members.domain.ArrivingMember;
import org.civic.members.domain.MemberLimits;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.Transfer;
import org.civic.members.domain.TransferDirection;
import org.civic.members.domain.TransferState;
import org.civic.members.rest.MemberRequests.RegisterMember;
import org.civic.members.service.TransferService;
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

@Path("/api/v1/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STREET_ADMIN, Roles.COMMUNITY_SECRETARY, Roles.BRANCH_SECRETARY})
@Tag(
    name = "Transfers",
    description =
        "Transfers of party membership (组织关系转接): REQUESTED (已申请) → CONFIRMED (已确认) |"
            + " REJECTED (已退回) | EXPIRED (已过期, the letter's validity passed). The sending side"
            + " stays responsible for the member until the receiving side confirms. Staff only,"
            + " within their scope (a branch secretary: transfers of the branch's members; an"
            + " incoming member is received by the community or street).")
public class TransferResource {
  private final TransferService service;

  TransferResource(TransferService service) {
    this.service = service;
  }

  @Schema(name = "RequestTransfer")
  public record RequestTransfer(
      @NotNull @Schema(description = "OUT — 转出 (a member of this community leaves), IN — 转入")
          TransferDirection direction,
      @Schema(description = "OUT: the leaving member") UUID memberId,
      @Valid @Schema(description = "IN: the arriving member, registered on confirmation")
          RegisterMember member,
      @NotBlank
          @Size(max = MemberLimits.LETTER_NUMBER)
          @Schema(description = "Introduction letter number (介绍信编号)", example = "宁组转〔2026〕118号")
          String letterNumber,
      @NotNull @Schema(description = "Letter valid until (有效期至), inclusive") LocalDate validUntil,
      @NotBlank
          @Size(max = MemberLimits.ORGANISATION)
          @Schema(description = "The organisation on the other side (转往/转自 党组织)")
          String counterpartOrganisation,
      @Schema(description = "Note (备注)") @Size(max = MemberLimits.REASON) String note) {}

  @Schema(name = "TransferDecision")
  public record Decision(
      @Size(max = MemberLimits.REASON) @Schema(description = "Reason (for a rejection)")
          String reason,
      @Schema(description = "Optional: the transfer version this is based on", example = "3")
          Long version) {}

  @Schema(name = "Transfer")
  public record TransferView(
      @Schema(description = "Id of the transfer") UUID id,
      @Schema(description = "OUT — 转出, IN — 转入", example = "OUT") TransferDirection direction,
      @Schema(description = "REQUESTED, CONFIRMED, REJECTED or EXPIRED (computed from validUntil)")
          TransferState state,
      @Schema(description = "Community (社区) on this side") UUID communityId,
      @Schema(description = "The member (for IN: once registered on confirmation)") UUID memberId,
      @Schema(description = "IN: the arriving member's name") String memberName,
      @Schema(description = "Introduction letter number (介绍信编号)", example = "宁组转〔2026〕118号")
          String letterNumber,
      @Schema(description = "Letter valid until (有效期至), inclusive", example = "2026-12-31")
          LocalDate validUntil,
      @Schema(description = "The organisation on the other side (转往/转自 党组织)")
          String counterpartOrganisation,
      @Schema(description = "Note (备注)") String note,
      @Schema(description = "When it was requested") OffsetDateTime requestedAt,
      @Schema(description = "When it was confirmed or rejected") OffsetDateTime decidedAt,
      @Schema(description = "Reason given on rejection") String decisionReason,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static TransferView of(Transfer t) {
      return new TransferView(
          t.id,
          t.direction,
          t.state(MemberRules.today()),
          t.communityId,
          t.memberId,
          t.arrivingMember == null ? null : t.arrivingMember.details().name(),
          t.letterNumber,
          t.validUntil,
          t.counterpartOrganisation,
          t.note,
          t.requestedAt,
          t.decidedAt,
          t.decisionReason,
          t.version);
    }
  }

  @POST
  @Operation(
      summary = "Request a transfer",
      description =
          "OUT needs memberId (an ACTIVE or LOST_CONTACT member, no other open transfer); the"
              + " member's status is unchanged until confirmation. IN needs member (the same"
              + " fields as registering; the building must be known and in the caller's scope, and"
              + " only street administrators and community secretaries receive members: else"
              + " 403). A member outside the caller's scope is a 404.")
  @APIResponse(
      responseCode = "201",
      description = "The requested transfer (组织关系转接)",
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
              schema = @Schema(implementation = TransferView.class)))
  public Response request(@NotNull @Valid RequestTransfer r, UriInfo uri) {
    Transfer t;
    if (r.direction() == TransferDirection.OUT) {
      if (r.memberId() == null) {
        throw ProblemException.invalid("memberId", "must not be null for an OUT transfer");
      }
      t =
          service.requestOut(
              r.memberId(),
              r.letterNumber(),
              r.validUntil(),
              r.counterpartOrganisation(),
              r.note());
    } else {
      if (r.member() == null) {
        throw ProblemException.invalid("member", "must not be null for an IN transfer");
      }
      t =
          service.requestIn(
              new ArrivingMember(r.member().details(), r.member().address()),
              r.letterNumber(),
              r.validUntil(),
              r.counterpartOrganisation(),
              r.note());
    }
    return Response.created(uri.getAbsolutePathBuilder().path(t.id.toString()).build())
        .tag(Versions.etag(t.version))
        .entity(TransferView.of(t))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a transfer")
  @APIResponse(
      responseCode = "200",
      description = "The transfer",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TransferView.class)))
  public Response get(@PathParam("id") UUID id) {
    Transfer t = service.get(id);
    return Response.ok(TransferView.of(t)).tag(Versions.etag(t.version)).build();
  }

  @GET
  @Operation(summary = "List transfers", description = "Newest first; filters combine with AND.")
  public Page<TransferView> list(
      @QueryParam("communityId") String communityId,
      @QueryParam("memberId") String memberId,
      @QueryParam("direction") String direction,
      @QueryParam("state") String state,
      @Valid @BeanParam PageRequest page) {
    return service
        .list(
            Params.uuid("communityId", communityId),
            Params.uuid("memberId", memberId),
            Params.enumeration("direction", TransferDirection.class, direction),
            Params.enumeration("state", TransferState.class, state),
            page)
        .map(TransferView::of);
  }

  @POST
  @Path("{id}/confirmation")
  @Operation(
      summary = "Record the receiving side's confirmation",
      description =
          "OUT: the member becomes TRANSFERRED_OUT (MemberStatusChanged). IN: the member is"
              + " registered ACTIVE (MemberRegistered). An expired letter is a 422.")
  @APIResponse(
      responseCode = "200",
      description = "The confirmed transfer",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TransferView.class)))
  public Response confirm(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid Decision decision) {
    Transfer t = service.confirm(id, ifMatch, decision == null ? null : decision.version());
    return Response.ok(TransferView.of(t)).tag(Versions.etag(t.version)).build();
  }

  @POST
  @Path("{id}/rejection")
  @Operation(summary = "Record a rejection", description = "The member is unchanged.")
  @APIResponse(
      responseCode = "200",
      description = "The rejected transfer",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TransferView.class)))
  public Response reject(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid Decision decision) {
    Transfer t =
        service.reject(
            id,
            decision == null ? null : decision.reason(),
            ifMatch,
            decision == null ? null : decision.version());
    return Response.ok(TransferView.of(t)).tag(Versions.etag(t.version)).build();
  }
}
