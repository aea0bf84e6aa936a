package org.civic.branches.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.civic.branches.rest.BuildingResource.BuildingView;
import org.civic.branches.service.BuildingService;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/communities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communities", description = "Reports per community (社区)")
public class CommunityResource {
  private final BuildingService buildings;

  CommunityResource(BuildingService buildings) {
    this.buildings = buildings;
  }

  @Schema(name = "BranchEligibilityReport")
  public record EligibilityReport(
      @Schema(description = "The community (社区) reported on") UUID communityId,
      @Schema(description = "Buildings registered") int buildings,
      @Schema(description = "Buildings with at least 3 full members (may have their own branch)")
          long eligible,
      @Schema(description = "Buildings covered by an active branch") long covered,
      @Schema(description = "Resident party members in all buildings") long members,
      @Schema(description = "Every building, sorted by name") List<BuildingView> items) {}

  @GET
  @Path("{id}/branch-eligibility")
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(
      summary = "Branch eligibility report",
      description =
          "Every building of the community with its resident counts, whether it may have a"
              + " branch of its own (≥ 3 full members, 樓幢党支部) or must join a joint branch"
              + " (联合支部), and the branch covering it if any. A branch secretary sees the"
              + " buildings of their branch; 403 for a community outside the caller's scope.")
  public EligibilityReport eligibility(@PathParam("id") UUID id) {
    List<BuildingView> items = buildings.eligibility(id).stream().map(BuildingView::of).toList();
    return new EligibilityReport(
        id,
        items.size(),
        items.stream().filter(BuildingView::eligibleForOwnBranch).count(),
        items.stream().filter(b -> b.coveringBranchId() != null).count(),
        items.stream().mapToLong(b -> b.residents().total()).sum(),
        items);
  }
}
