package org.civic.activities.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The monthly visit duty (走访制度): every household with at least one member on a branch's roster is
 * visited at least once per calendar month in Asia/Shanghai.
 *
 * <p>Relocation: when a household moves to another branch during a month, the duty for that month
 * moves with it from that moment. The month's duty belongs to the branch(es) holding the household
 * at the end of the month (for the current month: now); it is fulfilled only by that branch's
 * visits made since it took the household over. Visits made earlier stay with the branch that made
 * them (they are in its history) but no longer fulfil any duty. A household's very first assignment
 * (newly registered) counts from the start of the month, since there was no earlier branch for it
 * to move from.
 */
public final class VisitRules {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private VisitRules() {}

  /** A household on a branch's roster from {@code from} until {@code to} (null: still). */
  public record Duty(UUID householdId, UUID branchId, Instant from, Instant to) {
    public Duty {
      Objects.requireNonNull(householdId);
      Objects.requireNonNull(branchId);
      Objects.requireNonNull(from);
    }

    boolean holdsAt(Instant t) {
      return !from.isAfter(t) && (to == null || to.isAfter(t));
    }
  }

  /** A recorded visit, as far as the duty is concerned. */
  public record VisitFact(UUID visitId, UUID householdId, UUID branchId, Instant visitedAt) {}

  public static Instant monthStart(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZONE).toInstant();
  }

  /** Exclusive end: the start of the next month in Asia/Shanghai. */
  public static Instant monthEnd(YearMonth month) {
    return monthStart(month.plusMonths(1));
  }

  public static YearMonth monthOf(Instant instant) {
    return YearMonth.from(instant.atZone(ZONE));
  }

  /**
   * Merges member-level roster intervals into household-level duties: per household and branch,
   * overlapping or touching intervals become one (a household is on a roster while any of its
   * members is).
   */
  public static List<Duty> merge(List<Duty> memberIntervals) {
    Map<List<UUID>, List<Duty>> byKey = new LinkedHashMap<>();
    for (Duty d : memberIntervals) {
      byKey.computeIfAbsent(List.of(d.householdId(), d.branchId()), k -> new ArrayList<>()).add(d);
    }
    List<Duty> merged = new ArrayList<>();
    for (List<Duty> group : byKey.values()) {
      group.sort(Comparator.comparing(Duty::from));
      Duty current = null;
      for (Duty d : group) {
        if (current == null) {
          current = d;
        } else if (current.to() == null || !current.to().isBefore(d.from())) {
          Instant to =
              current.to() == null || d.to() == null
                  ? null
                  : (current.to().isAfter(d.to()) ? current.to() : d.to());
          current = new Duty(current.householdId(), current.branchId(), current.from(), to);
        } else {
          merged.add(current);
          current = d;
        }
      }
      if (current != null) {
        merged.add(current);
      }
    }
    merged.sort(Comparator.comparing(Duty::from).thenComparing(d -> d.branchId().toString()));
    return merged;
  }

  /**
   * The branches responsible for visiting a household at a moment, given all its roster intervals.
   * A moment before the household's first assignment falls to the branch(es) of that first
   * assignment (a visit recorded for a member registered later the same day is still valid).
   */
  public static Set<UUID> responsibleBranches(List<Duty> householdIntervals, Instant at) {
    List<Duty> duties = merge(householdIntervals);
    Set<UUID> holding =
        duties.stream()
            .filter(d -> d.holdsAt(at))
            .map(Duty::branchId)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!holding.isEmpty() || duties.isEmpty()) {
      return holding;
    }
    Instant first = duties.get(0).from();
    if (at.isBefore(first)) {
      return duties.stream()
          .filter(d -> d.from().equals(first))
          .map(Duty::branchId)
          .collect(Collectors.toCollection(TreeSet::new));
    }
    return holding;
  }

  /**
   * The visit plan of a branch for a month.
   *
   * @param intervals roster intervals of every household that may concern the branch, at all
   *     branches (needed to tell a move from a first assignment)
   * @param visits visits of those households (any branch; only this branch's count)
   */
  public static VisitPlan plan(
      UUID branchId, YearMonth month, List<Duty> intervals, List<VisitFact> visits, Instant now) {
    Instant start = monthStart(month);
    Instant end = monthEnd(month);
    VisitPlan.Period period =
        now.isBefore(start)
            ? VisitPlan.Period.FUTURE
            : now.isBefore(end) ? VisitPlan.Period.CURRENT : VisitPlan.Period.PAST;
    Instant reference =
        switch (period) {
          case FUTURE -> start;
          case CURRENT -> now;
          case PAST -> end.minusNanos(1);
        };
    Map<UUID, List<Duty>> byHousehold =
        merge(intervals).stream()
            .collect(
                Collectors.groupingBy(Duty::householdId, LinkedHashMap::new, Collectors.toList()));
    List<VisitPlan.Entry> entries = new ArrayList<>();
    for (Map.Entry<UUID, List<Duty>> e : byHousehold.entrySet()) {
      UUID household = e.getKey();
      List<Duty> duties = e.getValue();
      Duty holding =
          duties.stream()
              .filter(d -> d.branchId().equals(branchId) && d.holdsAt(reference))
              .findFirst()
              .orElse(null);
      if (holding == null) {
        continue;
      }
      Instant firstEver = duties.stream().map(Duty::from).min(Comparator.naturalOrder()).get();
      boolean firstAssignment = !firstEver.isBefore(holding.from());
      Instant dutyFrom = firstAssignment || holding.from().isBefore(start) ? start : holding.from();
      List<VisitFact> counted =
          visits.stream()
              .filter(v -> v.householdId().equals(household) && v.branchId().equals(branchId))
              .filter(v -> !v.visitedAt().isBefore(dutyFrom) && v.visitedAt().isBefore(end))
              .sorted(Comparator.comparing(VisitFact::visitedAt))
              .toList();
      entries.add(
          new VisitPlan.Entry(
              household,
              dutyFrom,
              !dutyFrom.equals(start),
              !counted.isEmpty(),
              counted.size(),
              counted.isEmpty() ? null : counted.get(counted.size() - 1).visitedAt()));
    }
    entries.sort(Comparator.comparing(en -> en.householdId().toString()));
    return new VisitPlan(branchId, month, period, entries);
  }
}
