package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.civic.branches.domain.Resident;
import org.civic.branches.domain.RosterEntry;
import org.civic.branches.events.RosterChanged;
import org.civic.branches.events.RosterChanged.Change;
import org.civic.branches.events.RosterChanged.Reason;
import org.civic.branches.persistence.BranchCoverageRepository;
import org.civic.branches.persistence.ResidentRepository;
import org.civic.branches.persistence.RosterEntryRepository;
import org.civic.eventing.outbox.Outbox;
import org.civic.eventing.outbox.OutgoingEvent;

/**
 * Keeps each member's roster entry equal to what residents and coverage say it must be, and emits
 * RosterChanged exactly when a member's branch changes (LEFT the old, then JOINED the new).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RosterService {
  private final RosterEntryRepository entries;
  private final ResidentRepository residents;
  private final BranchCoverageRepository coverage;
  private final Outbox outbox;

  RosterService(
      RosterEntryRepository entries,
      ResidentRepository residents,
      BranchCoverageRepository coverage,
      Outbox outbox) {
    this.entries = entries;
    this.residents = residents;
    this.coverage = coverage;
    this.outbox = outbox;
  }

  /** The branch the member belongs on now: the active branch covering their building, if any. */
  UUID expectedBranch(Resident r) {
    if (r == null || !r.onRoster()) {
      return null;
    }
    // Read after the roster entry's lock, on every call (see coveringBranch).
    return coverage.coveringBranch(r.buildingId);
  }

  /**
   * Brings one member's roster entry up to date.
   *
   * @return whether the member's branch changed
   */
  public boolean reconcile(UUID memberId, Reason reason) {
    RosterEntry entry = entries.lockOrCreate(memberId);
    Resident resident = residents.findById(memberId); // held by the session after an apply
    UUID expected = expectedBranch(resident);
    if (Objects.equals(entry.branchId, expected)) {
      return false;
    }
    // LEFT then JOINED, written in one statement (a relocation's two events, one round trip).
    List<OutgoingEvent> events = new ArrayList<>(2);
    if (entry.branchId != null) {
      events.add(
          next(entry, RosterChanged.of(resident, memberId, entry.branchId, Change.LEFT, reason)));
    }
    if (expected != null) {
      events.add(
          next(entry, RosterChanged.of(resident, memberId, expected, Change.JOINED, reason)));
    }
    outbox.publishAll(events);
    entry.branchId = expected;
    if (resident != null) {
      entry.communityId = resident.communityId;
    }
    return true;
  }

  /**
   * Reconciles everyone living in {@code buildingIds} or on the rosters of {@code branchIds}, after
   * a branch change (pending changes are flushed first so the queries see them).
   *
   * @return how many members changed branch
   */
  public int reconcileAffected(
      Collection<UUID> buildingIds, Collection<UUID> branchIds, Reason reason) {
    residents.flush();
    Set<UUID> members = new LinkedHashSet<>(residents.memberIdsIn(buildingIds));
    members.addAll(entries.memberIdsOn(branchIds));
    int changed = 0;
    for (UUID member : members.stream().sorted().toList()) {
      if (reconcile(member, reason)) {
        changed++;
      }
    }
    return changed;
  }

  /**
   * Locks (creating the missing) roster entries of a consumer batch's members, two statements for
   * the batch; each event's {@link #reconcile} then finds its entry locked in the session.
   */
  public void lockAll(Collection<UUID> memberIds) {
    entries.lockOrCreateAll(memberIds);
  }

  /** The entry's next version, as a RosterChanged event for the outbox. */
  private static OutgoingEvent next(RosterEntry entry, RosterChanged event) {
    entry.version++;
    return new OutgoingEvent(
        RosterChanged.AGGREGATE, entry.memberId, entry.version, RosterChanged.TYPE, event);
  }
}
