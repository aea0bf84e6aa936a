package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.domain.Building;
import org.civic.branches.domain.ResidentCounts;
import org.civic.branches.events.BuildingRegistered;
import org.civic.branches.persistence.BranchCoverageRepository;
import org.civic.branches.persistence.BuildingRepository;
import org.civic.branches.persistence.ResidentRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;

@ApplicationScoped
@Transactional
public class BuildingService {
  private final BuildingRepository buildings;
  private final ResidentRepository residents;
  private final BranchCoverageRepository coverage;
  private final OrgUnitService orgUnits;
  private final Outbox outbox;

  BuildingService(
      BuildingRepository buildings,
      ResidentRepository residents,
      BranchCoverageRepository coverage,
      OrgUnitService orgUnits,
      Outbox outbox) {
    this.buildings = buildings;
    this.residents = residents;
    this.coverage = coverage;
    this.orgUnits = orgUnits;
    this.outbox = outbox;
  }

  /** A building with its live resident counts and the active branch covering it, if any. */
  public record BuildingStatus(Building building, ResidentCounts counts, UUID coveringBranchId) {}

  public Building register(UUID communityId, String name, int units, String address) {
    orgUnits.community(communityId, "communityId");
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
  public BuildingStatus status(UUID id) {
    return statuses(List.of(get(id))).get(0);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<BuildingStatus> list(UUID communityId, PageRequest page) {
    return Page.of(
        statuses(buildings.page(communityId, page)), page, buildings.countIn(communityId));
  }

  /**
   * Every building of a community with counts, eligibility and coverage (the eligibility report).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<BuildingStatus> eligibility(UUID communityId) {
    if (orgUnits.get(communityId).kind != org.civic.branches.domain.OrgKind.COMMUNITY_COMMITTEE) {
      throw ProblemException.notFound("Community", communityId);
    }
    return statuses(buildings.list("communityId = ?1 order by name, id", communityId));
  }

  List<BuildingStatus> statuses(List<Building> list) {
    List<UUID> ids = list.stream().map(b -> b.id).toList();
    Map<UUID, ResidentCounts> counts = residents.countsByBuilding(ids);
    Map<UUID, UUID> covering = coverage.coveringBranches(ids);
    return list.stream()
        .map(b -> new BuildingStatus(b, counts.get(b.id), covering.get(b.id)))
        .toList();
  }
}
