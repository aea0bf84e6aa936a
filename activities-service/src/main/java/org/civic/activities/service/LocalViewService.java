package org.civic.activities.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.civic.activities.domain.BranchView;
import org.civic.activities.domain.MemberView;
import org.civic.activities.domain.RosterAssignment;
import org.civic.activities.domain.RosterHistoryEntry;
import org.civic.activities.persistence.BranchViewRepository;
import org.civic.activities.persistence.MemberViewRepository;
import org.civic.activities.persistence.RosterAssignmentRepository;
import org.civic.activities.persistence.RosterHistoryRepository;
import org.civic.eventing.PoisonEventException;

/**
 * Keeps the local "who is where" view (members, households, branches, rosters and their history)
 * current from members.events and branches.events. Runs inside the inbox's transaction.
 *
 * <p>Who writes what: member views only the members consumer, branch views and roster assignments
 * only the branches consumer; roster history both, each first locking the member's roster
 * assignment ({@link RosterAssignmentRepository#lock}), so one member's history is never changed by
 * both at once. A consumer batch may prefetch what it alone writes, or has locked (ADR 0008).
 */
@ApplicationScoped
@Transactional
public class LocalViewService {
  private final MemberViewRepository members;
  private final BranchViewRepository branches;
  private final RosterAssignmentRepository rosters;
  private final RosterHistoryRepository history;
  private final TransactionSynchronizationRegistry transactions;

  /** The members whose views a members consumer's batch loaded (a resource of its transaction). */
  private static final Object MEMBERS_PREFETCHED = LocalViewService.class.getName() + ".members";

  /** What a branches consumer's batch locked and loaded (a resource of its transaction). */
  private static final Object ROSTERS_PREFETCHED = LocalViewService.class.getName() + ".rosters";

  /**
   * A branches consumer batch's members: their assignments are locked and in the session, and
   * {@code open} holds each one's open history entries, kept current by the batch's events (no
   * other transaction can change them: it would need the assignment's lock first).
   */
  private record RosterBatch(Set<UUID> members, Map<UUID, List<RosterHistoryEntry>> open) {}

  LocalViewService(
      MemberViewRepository members,
      BranchViewRepository branches,
      RosterAssignmentRepository rosters,
      RosterHistoryRepository history,
      TransactionSynchronizationRegistry transactions) {
    this.members = members;
    this.branches = branches;
    this.rosters = rosters;
    this.history = history;
    this.transactions = transactions;
  }

  /**
   * Loads the views of a members consumer batch's members, one query (ADR 0008). Valid for this
   * transaction only: when the batch falls back to one transaction per event, {@link #applyMember}
   * reads as before.
   */
  public void prefetchMembers(Collection<UUID> memberIds) {
    members.loadAll(memberIds);
    transactions.putResource(MEMBERS_PREFETCHED, Set.copyOf(memberIds));
  }

  /**
   * Locks the assignments of a branches consumer batch's members (in member order, the order every
   * batch locks them in) and loads them and their open roster history, one query each (ADR 0008).
   * Valid for this transaction only, as {@link #prefetchMembers}.
   */
  public void prefetchRosters(Collection<UUID> memberIds) {
    Set<UUID> sorted = new TreeSet<>(memberIds);
    rosters.lockAll(sorted);
    Map<UUID, List<RosterHistoryEntry>> open = new HashMap<>();
    for (UUID member : sorted) {
      open.put(member, new ArrayList<>());
    }
    for (RosterHistoryEntry e : history.openForAll(sorted)) {
      open.get(e.memberId).add(e);
    }
    transactions.putResource(ROSTERS_PREFETCHED, new RosterBatch(Set.copyOf(sorted), open));
  }

  @SuppressWarnings("unchecked")
  private boolean memberPrefetched(UUID memberId) {
    Set<UUID> prefetched = (Set<UUID>) transactions.getResource(MEMBERS_PREFETCHED);
    return prefetched != null && prefetched.contains(memberId);
  }

  /** The batch this member's roster was prefetched in, or null (then read and lock per event). */
  private RosterBatch rosterBatch(UUID memberId) {
    RosterBatch batch = (RosterBatch) transactions.getResource(ROSTERS_PREFETCHED);
    return batch != null && batch.members().contains(memberId) ? batch : null;
  }

  /** The non-sensitive member snapshot every members.events type carries. */
  public record MemberSnapshot(
      UUID memberId,
      String name,
      String standing,
      String category,
      String status,
      UUID communityId,
      UUID buildingId,
      String unit,
      String room,
      UUID householdId,
      List<String> specialties,
      OffsetDateTime effectiveAt) {}

  /** Applies a member snapshot unless it is not newer than the one held. */
  public void applyMember(MemberSnapshot s, long version, OffsetDateTime occurredAt) {
    if (s.memberId() == null || s.name() == null || s.name().isBlank()) {
      throw new PoisonEventException("member snapshot without memberId or name");
    }
    MemberView m =
        memberPrefetched(s.memberId())
            ? members.loaded(s.memberId())
            : members.findById(s.memberId());
    boolean isNew = m == null;
    if (!isNew && version <= m.memberVersion) {
      return;
    }
    if (isNew) {
      m = new MemberView();
      m.memberId = s.memberId();
    }
    UUID oldHousehold = m.householdId;
    m.name = s.name();
    m.communityId = s.communityId();
    m.householdId = s.householdId();
    m.buildingId = s.buildingId();
    m.unit = s.unit();
    m.room = s.room();
    m.standing = s.standing();
    m.category = s.category();
    m.status = s.status();
    m.specialties = MemberView.encodeTags(s.specialties());
    m.memberVersion = version;
    m.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    if (isNew) {
      members.persist(m);
    }
    if (!isNew && s.householdId() != null && !Objects.equals(oldHousehold, s.householdId())) {
      OffsetDateTime at = s.effectiveAt() != null ? s.effectiveAt() : occurredAt;
      moveWithinBranch(m, at);
    }
  }

  /**
   * A member changed household but stays with the same branch (the new building is covered by the
   * branch whose roster holds the member): no RosterChanged follows, so the household's duty is
   * split here. A move to another branch is left to RosterChanged LEFT/JOINED.
   */
  private void moveWithinBranch(MemberView m, OffsetDateTime at) {
    // The branches consumer writes this history too: take the member's lock first. The branch is
    // read as committed now (a batch keeps its session, and only the branches consumer writes it).
    rosters.lock(m.memberId);
    for (RosterHistoryEntry open : history.openFor(m.memberId)) {
      BranchView branch = branches.readOnce(open.branchId);
      if (open.householdId.equals(m.householdId)
          || branch == null
          || !branch.covers(m.buildingId)) {
        continue;
      }
      open.toTime = at;
      openHistory(m.memberId, open.branchId, open.communityId, m.householdId, at);
    }
  }

  /** Payload of RosterChanged. */
  public record RosterChange(
      UUID memberId,
      UUID branchId,
      String change,
      String reason,
      String memberName,
      UUID householdId,
      UUID buildingId,
      String standing,
      String category,
      UUID communityId) {}

  public void applyRoster(RosterChange c, long version, OffsetDateTime at) {
    if (c.memberId() == null || c.branchId() == null) {
      throw new PoisonEventException("RosterChanged without memberId or branchId");
    }
    if (!"JOINED".equals(c.change()) && !"LEFT".equals(c.change())) {
      throw new PoisonEventException("RosterChanged with unknown change " + c.change());
    }
    RosterBatch batch = rosterBatch(c.memberId());
    // Locked: the members consumer changes this member's history only under the same lock.
    RosterAssignment a = batch != null ? rosters.loaded(c.memberId()) : rosters.lock(c.memberId());
    boolean isNew = a == null;
    if (!isNew && version <= a.rosterVersion) {
      return;
    }
    if (isNew) {
      a = new RosterAssignment();
      a.memberId = c.memberId();
    }
    // The member's view only fills what the event lacks (branches-service sends all three).
    MemberView member =
        c.householdId() == null || c.communityId() == null || c.memberName() == null
            ? members.readOnce(c.memberId())
            : null;
    UUID household =
        c.householdId() != null
            ? c.householdId()
            : member != null && member.householdId != null ? member.householdId : c.memberId();
    UUID community =
        c.communityId() != null ? c.communityId() : member != null ? member.communityId : null;
    if (community == null) {
      BranchView branch = branches.findById(c.branchId());
      community = branch == null ? null : branch.communityId;
    }
    List<RosterHistoryEntry> openEntries =
        batch != null
            ? batch.open().get(c.memberId())
            : new ArrayList<>(history.openFor(c.memberId()));
    if ("JOINED".equals(c.change())) {
      boolean alreadyThere = false;
      for (var it = openEntries.iterator(); it.hasNext(); ) {
        RosterHistoryEntry open = it.next();
        if (open.branchId.equals(c.branchId()) && open.householdId.equals(household)) {
          alreadyThere = true;
        } else {
          open.toTime = at;
          it.remove();
        }
      }
      if (!alreadyThere) {
        openEntries.add(openHistory(c.memberId(), c.branchId(), community, household, at));
      }
      a.branchId = c.branchId();
    } else {
      for (var it = openEntries.iterator(); it.hasNext(); ) {
        RosterHistoryEntry open = it.next();
        if (open.branchId.equals(c.branchId())) {
          open.toTime = at;
          it.remove();
        }
      }
      if (c.branchId().equals(a.branchId)) {
        a.branchId = null;
      }
    }
    a.communityId = community;
    a.householdId = household;
    a.buildingId = c.buildingId();
    a.memberName = c.memberName() != null ? c.memberName() : member != null ? member.name : null;
    a.rosterVersion = version;
    a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    if (isNew) {
      rosters.persist(a);
    }
  }

  private RosterHistoryEntry openHistory(
      UUID memberId, UUID branchId, UUID communityId, UUID householdId, OffsetDateTime at) {
    RosterHistoryEntry e = new RosterHistoryEntry();
    e.memberId = memberId;
    e.branchId = branchId;
    e.communityId = communityId;
    e.householdId = householdId;
    e.fromTime = at;
    history.persist(e);
    return e;
  }

  /** BranchEstablished / BranchCoverageChanged / BranchDissolved, as one snapshot-ish update. */
  public void applyBranch(
      UUID branchId,
      UUID communityId,
      String name,
      String kind,
      List<UUID> buildingIds,
      boolean dissolved,
      long version) {
    if (branchId == null) {
      throw new PoisonEventException("branch event without branchId");
    }
    BranchView b = branches.findById(branchId);
    boolean isNew = b == null;
    if (!isNew && version <= b.branchVersion) {
      return;
    }
    if (isNew) {
      if (communityId == null) {
        throw new PoisonEventException("branch event without communityId for an unknown branch");
      }
      b = new BranchView();
      b.branchId = branchId;
      b.status = BranchView.ACTIVE;
    }
    if (communityId != null) {
      b.communityId = communityId;
    }
    if (name != null) {
      b.name = name;
    }
    if (kind != null) {
      b.kind = kind;
    }
    if (buildingIds != null) {
      b.buildingIds =
          buildingIds.isEmpty()
              ? ","
              : "," + String.join(",", buildingIds.stream().map(UUID::toString).toList()) + ",";
    }
    if (dissolved) {
      b.status = BranchView.DISSOLVED;
    }
    b.branchVersion = version;
    b.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    if (isNew) {
      branches.persist(b);
    }
  }
}
