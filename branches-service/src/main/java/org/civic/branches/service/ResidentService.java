package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.civic.branches.domain.Resident;
import org.civic.branches.events.MemberSnapshot;
import org.civic.branches.events.RosterChanged.Reason;
import org.civic.branches.persistence.ResidentRepository;

/** Applies member snapshots from members.events and keeps the member's roster entry current. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ResidentService {
  private final ResidentRepository residents;
  private final RosterService rosters;

  ResidentService(ResidentRepository residents, RosterService rosters) {
    this.residents = residents;
    this.rosters = rosters;
  }

  /**
   * Applies a snapshot of aggregate version {@code version}; a repeat or an older version than the
   * one held changes nothing.
   *
   * @return whether the snapshot was newer and applied
   */
  public boolean apply(UUID memberId, long version, MemberSnapshot s, Reason reason) {
    Resident resident = residents.findById(memberId);
    if (resident == null) {
      resident = new Resident(memberId);
      if (!applyTo(resident, version, s)) {
        return false;
      }
      residents.persist(resident);
    } else if (!applyTo(resident, version, s)) {
      return false;
    }
    rosters.reconcile(memberId, reason);
    return true;
  }

  private static boolean applyTo(Resident r, long version, MemberSnapshot s) {
    return r.apply(
        version,
        s.buildingId(),
        s.householdId(),
        s.name(),
        s.standing(),
        s.category(),
        s.status(),
        s.communityId());
  }
}
