package org.civic.branches.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  /** What a consumer batch read after its locks and keeps back (a resource of its transaction). */
  private static final Object BATCH = RosterService.class.getName() + ".batch";

  /**
   * A consumer batch (ADR 0008, ADR 0014): the coverage of the buildings its events name, read once
   * after the batch's roster entries were locked ({@code buildings} were asked for, {@code
   * coverage} holds the covered ones), and the RosterChanged its events produced, written to the
   * outbox once, in order, when the batch is finished.
   */
  private record Batch(Set<UUID> buildings, Map<UUID, UUID> coverage, List<OutgoingEvent> events) {}

  private final RosterEntryRepository entries;
  private final ResidentRepository residents;
  private final BranchCoverageRepository coverage;
  private final Outbox outbox;
  private final TransactionSynchronizationRegistry transactions;

  RosterService(
      RosterEntryRepository entries,
      ResidentRepository residents,
      BranchCoverageRepository coverage,
      Outbox outbox,
      TransactionSynchronizationRegistry transactions) {
    this.entries = entries;
    this.residents = residents;
    this.coverage = coverage;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /** The branch the member belongs on now: the active branch covering their building, if any. */
  UUID expectedBranch(Resident r) {
    if (r == null || !r.onRoster()) {
      return null;
    }
    Batch batch = batch();
    if (batch != null && batch.buildings().contains(r.buildingId)) {
      // Read for the whole batch after all its entries were locked (lockAll).
      return batch.coverage().get(r.buildingId);
    }
    // Read after the roster entry's lock, on every call (see coveringBranch).
    return coverage.coveringBranch(r.buildingId);
  }

  private Batch batch() {
    return (Batch) transactions.getResource(BATCH);
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
    Batch batch = batch();
    if (batch != null) {
      batch.events().addAll(events); // written by finishBatch
    } else {
      outbox.publishAll(events);
    }
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
   * the batch; each event's {@link #reconcile} then finds its entry locked in the session. Then,
   * after the locks, reads the coverage of the buildings the batch's events name (one statement),
   * which each event's reconcile takes instead of a read of its own, and keeps the batch's
   * RosterChanged back until {@link #finishBatch}. Valid for this transaction only.
   */
  public void lockAll(Collection<UUID> memberIds, Collection<UUID> buildingIds) {
    entries.lockOrCreateAll(memberIds);
    transactions.putResource(
        BATCH,
        new Batch(
            Set.copyOf(buildingIds), coverage.coveringBranchesNow(buildingIds), new ArrayList<>()));
  }

  /** Writes the RosterChanged a consumer batch kept back to the outbox, in one statement. */
  public void finishBatch() {
    Batch batch = batch();
    if (batch != null && !batch.events().isEmpty()) {
      outbox.publishAll(List.copyOf(batch.events()));
      batch.events().clear();
    }
  }

  /** The entry's next version, as a RosterChanged event for the outbox. */
  private static OutgoingEvent next(RosterEntry entry, RosterChanged event) {
    entry.version++;
    return new OutgoingEvent(
        RosterChanged.AGGREGATE, entry.memberId, entry.version, RosterChanged.TYPE, event);
  }
}
