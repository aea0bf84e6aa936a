package org.civic.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.civic.members.domain.KnownBuilding;
import org.civic.members.service.KnownBuildingService;
import org.civic.web.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read-only mirror of the buildings branches-service registered (from its events). */
@Path("/api/v1/reference/buildings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "What this service knows from other services' events")
public class KnownBuildingResource {
  private final KnownBuildingService buildings;

  KnownBuildingResource(KnownBuildingService buildings) {
    this.buildings = buildings;
  }

  public record KnownBuildingView(
      @Schema(description = "Id of the building", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Name (楼幢名称)", example = "3号楼") String name,
      @Schema(description = "Number of units (单元) of the building", example = "4") int units,
      @Schema(
              description = "Version of the building in branches-service, as last received",
              example = "3")
          long version) {}

  @GET
  @Path("{id}")
  @RolesAllowed({
    Roles.STREET_ADMIN,
    Roles.COMMUNITY_SECRETARY,
    Roles.BRANCH_SECRETARY,
    Roles.CITY_SYSTEM
  })
  @Operation(
      summary = "A building as this service knows it from BuildingRegistered events",
      description =
          "Reference data, not personal: staff and city systems, for buildings of their scope (a"
              + " branch secretary: of the communities the branch's members live in); outside the"
              + " scope 403, unknown 404.")
  public KnownBuildingView get(@PathParam("id") UUID id) {
    KnownBuilding b = buildings.get(id);
    return new KnownBuildingView(b.id, b.communityId, b.name, b.units, b.version);
  }
}
