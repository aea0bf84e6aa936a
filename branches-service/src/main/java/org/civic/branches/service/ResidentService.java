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
import org.civic.branches.persistence.RosterEntryRepository;

/** Applies member snapshots from members.events and keeps the member's roster entry current. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ResidentService {
  /** The members a consumer batch prefetched, as a resource of the batch's transaction. */
  private static final Object PREFETCHED = ResidentService.class.getName() + ".prefetched";

  private final ResidentRepository residents;
  private final RosterService rosters;
  private final RosterEntryRepository entries;
  private final TransactionSynchronizationRegistry transactions;

  ResidentService(
      ResidentRepository residents,
      RosterService rosters,
      RosterEntryRepository entries,
      TransactionSynchronizationRegistry transactions) {
    this.residents = residents;
    this.rosters = rosters;
    this.entries = entries;
    this.transactions = transactions;
  }

  /**
   * Loads what a consumer batch's snapshots of these members need, one statement per kind instead
   * of per event (ADR 0008): their residents into the session, their roster entries locked (the
   * missing ones created), then the coverage of the buildings the batch's snapshots name. Valid for
   * this transaction only: when the batch falls back to one transaction per event, {@link #apply}
   * reads as before.
   */
  public void prefetch(Collection<UUID> memberIds, Collection<UUID> buildingIds) {
    rosters.lockAll(memberIds, buildingIds);
    residents.loadAll(memberIds);
    transactions.putResource(PREFETCHED, Set.copyOf(memberIds));
  }

  /** Writes what a consumer batch kept back (its RosterChanged), after its last event. */
  public void finishBatch() {
    rosters.finishBatch();
  }

  /**
   * Applies a snapshot of aggregate version {@code version}; a repeat or an older version than the
   * one held changes nothing.
   *
   * @return whether the snapshot was newer and applied
   */
  public boolean apply(UUID memberId, long version, MemberSnapshot s, Reason reason) {
    Resident resident;
    if (prefetched(memberId)) {
      resident = residents.loaded(memberId);
    } else if (reason == Reason.REGISTERED) {
      resident = residents.findById(memberId); // a new member: no roster entry to lock yet
    } else {
      // An event alone in its poll (a relocation: on the named flow's path): the entry's lock and
      // the resident in one round trip; reconcile then finds the entry locked in the session. A
      // member without both (not expected after a registration) is read as before.
      RosterEntryRepository.Locked locked = entries.lockWithResident(memberId);
      resident = locked != null ? locked.resident() : residents.findById(memberId);
    }
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
