package org.civic.branches.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.domain.Resident;
import org.civic.branches.domain.RosterEntry;
import org.civic.branches.domain.Standing;
import org.civic.web.paging.PageRequest;
import org.civic.web.persistence.InList;
import org.civic.web.persistence.Managed;
import org.civic.web.security.Scope;
import org.hibernate.Session;

@ApplicationScoped
public class RosterEntryRepository implements PanacheRepositoryBase<RosterEntry, UUID> {

  /**
   * The member's entry, created if missing, locked for this transaction: the consumer and branch
   * changes may reconcile the same member at once, and must take turns.
   *
   * <p>No round trip for an entry this transaction already holds locked ({@link #lockOrCreateAll}
   * of a consumer's batch, or an earlier call): only this transaction can have changed it since.
   * One for an existing entry (a relocation): {@code select … for update}, which loads it fresh
   * under the lock. A new member's entry takes two: that read, then {@code insert … returning} the
   * new row. An entry this session holds without the lock is refreshed under the lock instead,
   * since a lock alone would keep its old state.
   */
  public RosterEntry lockOrCreate(UUID memberId) {
    RosterEntry managed = Managed.get(getEntityManager(), RosterEntry.class, memberId);
    if (managed != null) {
      if (getEntityManager().getLockMode(managed) != LockModeType.PESSIMISTIC_WRITE) {
        getEntityManager().refresh(managed, LockModeType.PESSIMISTIC_WRITE);
      }
      return managed;
    }
    RosterEntry entry = findById(memberId, LockModeType.PESSIMISTIC_WRITE);
    if (entry != null) {
      return entry;
    }
    // New: the row this transaction inserts is its own until commit (a concurrent insert of the
    // same member waits for it); if another transaction inserted it first, read it under the lock.
    List<RosterEntry> inserted =
        getEntityManager()
            .createNativeQuery(
                "insert into roster_entry (member_id, version) values (:id, 0) on conflict do nothing"
                    + " returning member_id, branch_id, community_id, version",
                RosterEntry.class)
            .setParameter("id", memberId)
            .getResultList();
    return inserted.isEmpty()
        ? findById(memberId, LockModeType.PESSIMISTIC_WRITE)
        : inserted.get(0);
  }

  /**
   * For one event of a member who has a roster entry and a resident (a relocation, an update, a
   * status change): the entry locked and the resident read with it, in one round trip where a
   * resident read then {@link #lockOrCreate} took two. Hibernate 7 locks every entity the query
   * selects ({@code for no key update of} both aliases; {@code Locking.Scope.ROOT_ONLY} does not
   * narrow it), so the resident's row is locked too: harmless, since only this consumer writes
   * residents and this transaction updates the row anyway (the same lock, taken earlier). An inner
   * join: PostgreSQL refuses to lock the nullable side of an outer join, and Hibernate would then
   * lock with follow-on statements. The coverage is still read after the lock (ADR 0008), and the
   * entry stays in the session locked, so the reconcile that follows finds it without a round trip.
   *
   * @return the entry and the resident, both locked, or null if the member lacks either (nothing
   *     was locked; the caller reads as before)
   */
  public Locked lockWithResident(UUID memberId) {
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select e, r from RosterEntry e join Resident r on r.memberId = e.memberId"
                    + " where e.memberId = :id",
                Object[].class)
            .setParameter("id", memberId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    return rows.isEmpty()
        ? null
        : new Locked((RosterEntry) rows.get(0)[0], (Resident) rows.get(0)[1]);
  }

  /** A member's roster entry and resident, both locked. */
  public record Locked(RosterEntry entry, Resident resident) {}

  /**
   * {@link #lockOrCreate} for a consumer's whole batch, in two statements: the missing entries
   * inserted with one {@code insert … select unnest(…)} (an array parameter of plain SQL: nothing
   * for Hibernate to translate), then all of them read under the lock, in member order (the order
   * in which a branch change locks them too). The entries stay in the session, locked, so each
   * event's {@link #lockOrCreate} finds them without a round trip.
   */
  public void lockOrCreateAll(Collection<UUID> memberIds) {
    if (memberIds.isEmpty()) {
      return;
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into roster_entry (member_id, version)"
                          + " select id, 0 from unnest(?::uuid[]) as m(id)"
                          + " on conflict do nothing")) {
                insert.setArray(1, connection.createArrayOf("uuid", memberIds.toArray()));
                insert.executeUpdate();
              }
            });
    InList in = InList.of("e.memberId", "m", memberIds);
    var query =
        getEntityManager()
            .createQuery(
                "select e from RosterEntry e where " + in.condition() + " order by e.memberId",
                RosterEntry.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE);
    in.parameters().forEach(query::setParameter);
    query.getResultList();
  }

  public List<UUID> memberIdsOn(Collection<UUID> branchIds) {
    if (branchIds.isEmpty()) {
      return List.of();
    }
    InList in = InList.of("e.branchId", "b", branchIds);
    var query =
        getEntityManager()
            .createQuery(
                "select e.memberId from RosterEntry e where "
                    + in.condition()
                    + " order by e.memberId",
                UUID.class);
    in.parameters().forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * A page of the branch's roster (residents), sorted by name then id; empty unless the branch is
   * in the caller's scope.
   */
  public List<Resident> roster(UUID branchId, Scope scope, PageRequest page) {
    return Scoped.query(
            getEntityManager(),
            Resident.class,
            "select r from Resident r, RosterEntry e, Branch b",
            "e.memberId = r.memberId and b.id = e.branchId and e.branchId = :branch",
            BranchRepository.visible(scope),
            "order by r.name, r.memberId",
            Scoped.params("branch", branchId))
        .setFirstResult(page.offset())
        .setMaxResults(page.size)
        .getResultList();
  }

  public long countOn(UUID branchId, Scope scope) {
    return Scoped.query(
            getEntityManager(),
            Long.class,
            "select count(e) from RosterEntry e, Branch b",
            "b.id = e.branchId and e.branchId = :branch",
            BranchRepository.visible(scope),
            null,
            Scoped.params("branch", branchId))
        .getSingleResult();
  }

  /** Members and full members on each branch's roster. */
  public Map<UUID, long[]> sizes(Collection<UUID> branchIds) {
    Map<UUID, long[]> sizes = new HashMap<>();
    for (UUID id : branchIds) {
      sizes.put(id, new long[2]);
    }
    if (branchIds.isEmpty()) {
      return sizes;
    }
    InList in = InList.of("e.branchId", "b", branchIds);
    var query =
        getEntityManager()
            .createQuery(
                "select e.branchId, r.standing, count(e) from RosterEntry e, Resident r"
                    + " where e.memberId = r.memberId and "
                    + in.condition()
                    + " group by e.branchId, r.standing",
                Object[].class);
    in.parameters().forEach(query::setParameter);
    List<Object[]> rows = query.getResultList();
    for (Object[] row : rows) {
      long[] s = sizes.get((UUID) row[0]);
      s[0] += (Long) row[2];
      if (row[1] == Standing.FULL) {
        s[1] += (Long) row[2];
      }
    }
    return sizes;
  }
}
