package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.civic.branches.domain.Building;
import org.civic.branches.events.BuildingRegistered;
import org.civic.branches.persistence.BuildingRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;

@ApplicationScoped
@Transactional
public class BuildingService {
  private final BuildingRepository buildings;
  private final Outbox outbox;

  BuildingService(BuildingRepository buildings, Outbox outbox) {
    this.buildings = buildings;
    this.outbox = outbox;
  }

  public Building register(UUID communityId, String name, int units, String address) {
    if (buildings.nameTaken(communityId, name)) {
      throw ProblemException.ruleViolation(
          "name", "A building named '" + name.trim() + "' is already registered in this community");
    }
    Building building = new Building(communityId, name, units, address);
    buildings.persist(building);
    outbox.publish(
        "Building",
        building.id,
        building.version,
        BuildingRegistered.TYPE,
        BuildingRegistered.of(building));
    return building;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Building get(UUID id) {
    return buildings
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Building", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Building> list(UUID communityId, PageRequest page) {
    return Page.of(buildings.page(communityId, page), page, buildings.countIn(communityId));
  }
}
