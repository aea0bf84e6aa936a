package org.civic.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.civic.members.domain.KnownBuilding;
import org.civic.members.persistence.KnownBuildingRepository;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.CurrentCaller;

/** Reference data: the buildings this service knows from branches.events. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class KnownBuildingService {
  private final KnownBuildingRepository buildings;
  private final CurrentCaller callers;

  KnownBuildingService(KnownBuildingRepository buildings, CurrentCaller callers) {
    this.buildings = buildings;
    this.callers = callers;
  }

  /**
   * A known building within the caller's scope. Buildings are organisational records, not personal
   * ones: one outside the scope is a 403, an unknown one a 404.
   */
  public KnownBuilding get(UUID id) {
    KnownBuilding b =
        buildings.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Building", id));
    if (!buildings.visible(id, callers.scope())) {
      throw new AccessDenied("Building " + id + " is outside your organisation scope");
    }
    return b;
  }
}
