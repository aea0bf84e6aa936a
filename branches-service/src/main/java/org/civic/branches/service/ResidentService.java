package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.civic.branches.domain.Resident;
import org.civic.branches.events.MemberSnapshot;
import org.civic.branches.events.RosterChanged.Reason;
import org.civic.branches.persistence.ResidentRepository;

/** Applies member snapshots from members.events and keeps the member's roster entry current. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ResidentService {
  /** The members a consumer batch prefetched, as a resource of the batch's transaction. */
  private static final Object PREFETCHED = ResidentService.class.getName() + ".prefetched";

  private final ResidentRepository residents;
  private final RosterService rosters;
  private final TransactionSynchronizationRegistry transactions;

  ResidentService(
      ResidentRepository residents,
      RosterService rosters,
      TransactionSynchronizationRegistry transactions) {
    this.residents = residents;
    this.rosters = rosters;
    this.transactions = transactions;
  }

  /**
   * Loads what a consumer batch's snapshots of these members need, one statement per kind instead
   * of per event (ADR 0008): their residents into the session, their roster entries locked (the
   * missing ones created). Valid for this transaction only: when the batch falls back to one
   * transaction per event, {@link #apply} reads as before.
   */
  public void prefetch(Collection<UUID> memberIds) {
    rosters.lockAll(memberIds);
    residents.loadAll(memberIds);
    transactions.putResource(PREFETCHED, Set.copyOf(memberIds));
  }

  /**
   * Applies a snapshot of aggregate version {@code version}; a repeat or an older version than the
   * one held changes nothing.
   *
   * @return whether the snapshot was newer and applied
   */
  public boolean apply(UUID memberId, long version, MemberSnapshot s, Reason reason) {
    Resident resident =
        prefetched(memberId) ? residents.loaded(memberId) : residents.findById(memberId);
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

  @SuppressWarnings("unchecked")
  private boolean prefetched(UUID memberId) {
    Set<UUID> members = (Set<UUID>) transactions.getResource(PREFETCHED);
    return members != null && members.contains(memberId);
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
