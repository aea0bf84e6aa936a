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
      UUID id, UUID communityId, String name, int units, long version) {}

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
