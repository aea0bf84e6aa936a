package org.civic.activities.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A branch's households to visit in one month, each visited or not yet (see {@link VisitRules}).
 */
public record VisitPlan(UUID branchId, YearMonth month, Period period, List<Entry> entries) {

  /** Whether the month is over, running, or still ahead (Asia/Shanghai). */
  @Schema(
      description =
          "Whether the month is over, running or ahead (Asia/Shanghai): PAST — 已过, CURRENT — 本月, FUTURE — 未到")
  public enum Period {
    PAST,
    CURRENT,
    FUTURE
  }

  /**
   * @param dutyFrom since when this branch's visits count for the month (month start, or the moment
   *     the household moved to this branch)
   * @param movedInDuringMonth the household came from another branch during this month
   * @param visitsCounted visits by this branch that fulfil the duty
   */
  public record Entry(
      java.util.UUID householdId,
      Instant dutyFrom,
      boolean movedInDuringMonth,
      boolean visited,
      int visitsCounted,
      Instant lastVisitAt) {}

  public int due() {
    return entries.size();
  }

  public int visited() {
    return (int) entries.stream().filter(Entry::visited).count();
  }

  /** visited / due, or null when nothing is due. */
  public Double rate() {
    return entries.isEmpty() ? null : (double) visited() / due();
  }

  /**
   * Households not visited: for a past month every unvisited one, for the current month those not
   * visited so far; nothing is overdue in a future month.
   */
  public List<Entry> overdue() {
    if (period == Period.FUTURE) {
      return List.of();
    }
    return entries.stream().filter(e -> !e.visited()).toList();
  }
}
