package org.civic.activities.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.civic.activities.domain.VisitRules;
import org.civic.web.security.Scope;

/**
 * The reads behind a month's visit plan and a visit recording's responsibility check, as
 * projections (rows, not managed entities: nothing to dirty-check at the flush). A plan's
 * households are a sub-query of every statement that needs them, not a list of ids read and passed
 * back.
 */
@ApplicationScoped
public class VisitDutyReads {
  private final EntityManager em;

  VisitDutyReads(EntityManager em) {
    this.em = em;
  }

  /** A roster interval of a member of a household, with the community of its branch. */
  public record HistoryRow(
      UUID householdId,
      UUID branchId,
      UUID communityId,
      OffsetDateTime fromTime,
      OffsetDateTime toTime) {
    public VisitRules.Duty toDuty() {
      return new VisitRules.Duty(
          householdId, branchId, fromTime.toInstant(), toTime == null ? null : toTime.toInstant());
    }
  }

  /** A member of a planned household, as the plan shows it. */
  public record HouseholdMember(
      UUID householdId, UUID memberId, String name, String unit, String room, String status) {}

  /** A branch as far as this service knows it: its community (null if unknown). */
  public record BranchPlace(UUID communityId) {}

  /**
   * The branch from its view; failing that (dissolved before its view arrived) from its first
   * roster history row, whose community may be null; empty when the branch was never seen.
   */
  public Optional<BranchPlace> branch(UUID branchId) {
    Optional<BranchPlace> known =
        em
            .createQuery("select b.communityId from BranchView b where b.branchId = :b", UUID.class)
            .setParameter("b", branchId)
            .getResultList()
            .stream()
            .findFirst()
            .map(BranchPlace::new);
    if (known.isPresent()) {
      return known;
    }
    return em
        .createQuery(
            "select h.householdId, h.branchId, h.communityId, h.fromTime, h.toTime"
                + " from RosterHistoryEntry h where h.branchId = :b order by h.id",
            HistoryRow.class)
        .setParameter("b", branchId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(r -> new BranchPlace(r.communityId()));
  }

  /**
   * The households on the branch's roster at some time in [from, to), as far as the caller sees: a
   * sub-query (alias {@code s}) with parameters {@code b}, {@code from}, {@code to} and the
   * scope's.
   */
  private static String householdsAtBranch(Scope.Clause scope) {
    return "select s.householdId from RosterHistoryEntry s where s.branchId = :b"
        + " and s.fromTime < :to and (s.toTime is null or s.toTime > :from) and ("
        + scope.condition()
        + ")";
  }

  private static Scope.Clause historyScope(Scope scope) {
    return scope.clause("s.communityId", "s.branchId", "s.memberId", "s.householdId");
  }

  /**
   * The whole roster history, at every branch, of the households on the branch's roster during
   * [from, to): input of the duty computation (when did this branch take a household over).
   */
  public List<HistoryRow> historyOfHouseholdsAtBranch(
      UUID branchId, Instant from, Instant to, Scope scope) {
    return ofHouseholdsAtBranch(
        "select h.householdId, h.branchId, h.communityId, h.fromTime, h.toTime"
            + " from RosterHistoryEntry h where h.householdId",
        "order by h.fromTime, h.id",
        HistoryRow.class,
        branchId,
        from,
        to,
        scope);
  }

  /**
   * The branch's own visits in [from, to): only they count towards its plan (the domain ignores
   * other branches' visits and households not in the plan).
   */
  public List<VisitRules.VisitFact> visitsOfBranch(UUID branchId, Instant from, Instant to) {
    return em
        .createQuery(
            "select v.id, v.householdId, v.branchId, v.visitedAt from Visit v"
                + " where v.branchId = :b and v.visitedAt >= :from and v.visitedAt < :to"
                + " order by v.visitedAt, v.id",
            Object[].class)
        .setParameter("b", branchId)
        .setParameter("from", from.atOffset(ZoneOffset.UTC))
        .setParameter("to", to.atOffset(ZoneOffset.UTC))
        .getResultList()
        .stream()
        .map(
            r ->
                new VisitRules.VisitFact(
                    (UUID) r[0], (UUID) r[1], (UUID) r[2], ((OffsetDateTime) r[3]).toInstant()))
        .toList();
  }

  /**
   * The members (local view) of the households on the branch's roster during [from, to), by name
   * within a household; the caller keeps those of the households it lists.
   */
  public List<HouseholdMember> membersOfHouseholdsAtBranch(
      UUID branchId, Instant from, Instant to, Scope scope) {
    return ofHouseholdsAtBranch(
        "select m.householdId, m.memberId, m.name, m.unit, m.room, m.status"
            + " from MemberView m where m.householdId",
        "order by m.name, m.memberId",
        HouseholdMember.class,
        branchId,
        from,
        to,
        scope);
  }

  /**
   * {@code select … where <household column>} in the households on the branch's roster during
   * [from, to) as far as the caller sees, {@code order by …}: the households stay a sub-query.
   */
  private <T> List<T> ofHouseholdsAtBranch(
      String selectWhereHousehold,
      String orderBy,
      Class<T> row,
      UUID branchId,
      Instant from,
      Instant to,
      Scope scope) {
    Scope.Clause c = historyScope(scope);
    var query =
        em.createQuery(selectWhereHousehold + " in (" + householdsAtBranch(c) + ") " + orderBy, row)
            .setParameter("b", branchId)
            .setParameter("from", from.atOffset(ZoneOffset.UTC))
            .setParameter("to", to.atOffset(ZoneOffset.UTC));
    c.parameters().forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * A household's whole roster history (recording a visit), each row with its branch's community
   * from the branch view (else the row's own): one statement instead of the history and then each
   * branch.
   */
  public List<HistoryRow> historyOfHousehold(UUID householdId) {
    return em.createQuery(
            "select h.householdId, h.branchId, coalesce(b.communityId, h.communityId),"
                + " h.fromTime, h.toTime"
                + " from RosterHistoryEntry h left join BranchView b on b.branchId = h.branchId"
                + " where h.householdId = :h order by h.fromTime, h.id",
            HistoryRow.class)
        .setParameter("h", householdId)
        .getResultList();
  }
}
