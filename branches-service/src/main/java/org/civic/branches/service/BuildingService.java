package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.domain.Building;
import org.civic.branches.domain.OrgKind;
import org.civic.branches.domain.OrgUnit;
import org.civic.branches.domain.ResidentCounts;
import org.civic.branches.events.BuildingRegistered;
import org.civic.branches.persistence.BranchCoverageRepository;
import org.civic.branches.persistence.BuildingRepository;
import org.civic.branches.persistence.ResidentRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.Scope;

@ApplicationScoped
@Transactional
public class BuildingService {
  private final BuildingRepository buildings;
  private final ResidentRepository residents;
  private final BranchCoverageRepository coverage;
  private final OrgUnitService orgUnits;
  private final Access access;
  private final Outbox outbox;

  BuildingService(
      BuildingRepository buildings,
      ResidentRepository residents,
      BranchCoverageRepository coverage,
      OrgUnitService orgUnits,
      Access access,
      Outbox outbox) {
    this.buildings = buildings;
    this.residents = residents;
    this.coverage = coverage;
    this.orgUnits = orgUnits;
    this.access = access;
    this.outbox = outbox;
  }

  /** A building with its live resident counts and the active branch covering it, if any. */
  public record BuildingStatus(Building building, ResidentCounts counts, UUID coveringBranchId) {}

  /** Registers a building in a community of the caller's scope (403 otherwise). */
  public Building register(UUID communityId, String name, int units, String address) {
    OrgUnit community = orgUnits.community(communityId, "communityId");
    access.requireCommunity(communityId);
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
        BuildingRegistered.of(building, orgUnits.path(community)));
    return building;
  }

  /** A building the caller may see: 404 when it does not exist, 403 outside the scope. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Building get(UUID id) {
    return buildings
        .findVisible(id, access.scope())
        .orElseThrow(
            () ->
                buildings.findById(id) == null
                    ? ProblemException.notFound("Building", id)
                    : new AccessDenied("Building " + id + " is outside your organisation scope"));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public BuildingStatus status(UUID id) {
    return statuses(List.of(get(id))).get(0);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<BuildingStatus> list(UUID communityId, PageRequest page) {
    Scope scope = access.scope();
    return Page.of(
        statuses(buildings.page(communityId, scope, page)),
        page,
        () -> buildings.countIn(communityId, scope));
  }

  /**
   * Every building of a community that the caller may see, with counts, eligibility and coverage
   * (the eligibility report): 404 for an unknown community, 403 for one outside the scope.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<BuildingStatus> eligibility(UUID communityId) {
    OrgUnit unit = orgUnits.find(communityId);
    if (unit == null || unit.kind != OrgKind.COMMUNITY_COMMITTEE) {
      throw ProblemException.notFound("Community", communityId);
    }
    if (!access.seesCommunity(communityId)) {
      throw new AccessDenied("Community " + communityId + " is outside your organisation scope");
    }
    return statuses(buildings.inCommunity(communityId, access.scope()));
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
