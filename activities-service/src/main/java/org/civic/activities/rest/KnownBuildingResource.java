package org.civic.activities.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.civic.activities.domain.KnownBuilding;
import org.civic.activities.persistence.KnownBuildingRepository;
import org.civic.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read-only mirror of the buildings branches-service registered (from its events). */
@Path("/api/v1/reference/buildings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "What this service knows from other services' events")
public class KnownBuildingResource {
  private final KnownBuildingRepository buildings;

  KnownBuildingResource(KnownBuildingRepository buildings) {
    this.buildings = buildings;
  }

  public record KnownBuildingView(
      UUID id, UUID communityId, String name, int units, long version) {}

  @GET
  @Path("{id}")
  @Operation(summary = "A building as this service knows it from BuildingRegistered events")
  public KnownBuildingView get(@PathParam("id") UUID id) {
    KnownBuilding b =
        buildings.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Building", id));
    return new KnownBuildingView(b.id, b.communityId, b.name, b.units, b.version);
  }
}
