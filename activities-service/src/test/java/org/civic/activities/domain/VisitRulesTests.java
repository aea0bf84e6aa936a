package org.civic.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.VisitRules.Duty;
import org.civic.activities.domain.VisitRules.VisitFact;
import org.junit.jupiter.api.Test;

class VisitRulesTests {
  static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  static final UUID H1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID H2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
  static final YearMonth MARCH = YearMonth.of(2026, 3);
  static final YearMonth APRIL = YearMonth.of(2026, 4);
  static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant LATER = Instant.parse("2026-06-15T00:00:00Z");

  static Instant t(String s) {
    return Instant.parse(s);
  }

  static VisitFact visit(UUID household, UUID branch, String at) {
    return new VisitFact(UUID.randomUUID(), household, branch, t(at));
  }

  @Test
  void monthsAreCalendarMonthsInShanghai() {
    assertThat(VisitRules.monthOf(t("2026-03-31T17:00:00Z"))).isEqualTo(APRIL);
    assertThat(VisitRules.monthOf(t("2026-03-31T15:59:59Z"))).isEqualTo(MARCH);
    assertThat(VisitRules.monthStart(APRIL)).isEqualTo(t("2026-03-31T16:00:00Z"));
    assertThat(VisitRules.monthEnd(MARCH)).isEqualTo(t("2026-03-31T16:00:00Z"));
  }

  @Test
  void aVisitLateOnTheLastUtcDayCountsForTheNextShanghaiMonth() {
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, null));
    List<VisitFact> visits = List.of(visit(H1, A, "2026-03-31T17:00:00Z"));

    VisitPlan march = VisitRules.plan(A, MARCH, duties, visits, LATER);
    VisitPlan april = VisitRules.plan(A, APRIL, duties, visits, LATER);

    assertThat(march.entries()).singleElement().satisfies(e -> assertThat(e.visited()).isFalse());
    assertThat(march.overdue()).extracting(VisitPlan.Entry::householdId).containsExactly(H1);
    assertThat(april.entries()).singleElement().satisfies(e -> assertThat(e.visited()).isTrue());
    assertThat(april.rate()).isEqualTo(1.0);
  }

  @Test
  void everyHouseholdOnTheRosterIsDueOnceAMonthAndTheRateIsVisitedOverDue() {
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, null), new Duty(H2, A, LONG_AGO, null));
    List<VisitFact> visits =
        List.of(visit(H1, A, "2026-03-10T02:00:00Z"), visit(H1, A, "2026-03-20T02:00:00Z"));

    VisitPlan plan = VisitRules.plan(A, MARCH, duties, visits, LATER);

    assertThat(plan.due()).isEqualTo(2);
    assertThat(plan.visited()).isEqualTo(1);
    assertThat(plan.rate()).isEqualTo(0.5);
    assertThat(plan.period()).isEqualTo(VisitPlan.Period.PAST);
    assertThat(plan.overdue()).extracting(VisitPlan.Entry::householdId).containsExactly(H2);
    assertThat(plan.entries().get(0).visitsCounted()).isEqualTo(2);
  }

  @Test
  void aMoveMidMonthHandsTheDutyToTheNewBranchFromThatMoment() {
    Instant move = t("2026-03-15T04:00:00Z");
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, move), new Duty(H1, B, move, null));
    // A visited before the move, B not yet.
    List<VisitFact> visits = List.of(visit(H1, A, "2026-03-05T02:00:00Z"));

    VisitPlan planA = VisitRules.plan(A, MARCH, duties, visits, LATER);
    VisitPlan planB = VisitRules.plan(B, MARCH, duties, visits, LATER);

    assertThat(planA.entries()).isEmpty();
    assertThat(planB.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.visited()).isFalse();
              assertThat(e.dutyFrom()).isEqualTo(move);
              assertThat(e.movedInDuringMonth()).isTrue();
            });
    assertThat(planB.overdue()).hasSize(1);
  }

  @Test
  void onlyTheNewBranchsVisitsAfterTheMoveFulfilTheMovedDuty() {
    Instant move = t("2026-03-15T04:00:00Z");
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, move), new Duty(H1, B, move, null));
    List<VisitFact> visits =
        List.of(
            visit(H1, B, "2026-03-10T02:00:00Z"), // B before it was responsible: does not count
            visit(H1, A, "2026-03-20T02:00:00Z"), // A after the move: not its duty any more
            visit(H1, B, "2026-03-16T02:00:00Z"));

    VisitPlan planB = VisitRules.plan(B, MARCH, duties, visits, LATER);

    assertThat(planB.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.visited()).isTrue();
              assertThat(e.visitsCounted()).isEqualTo(1);
              assertThat(e.lastVisitAt()).isEqualTo(t("2026-03-16T02:00:00Z"));
            });
  }

  @Test
  void theMonthAfterAMoveIsEntirelyTheNewBranchs() {
    Instant move = t("2026-03-15T04:00:00Z");
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, move), new Duty(H1, B, move, null));
    List<VisitFact> visits = List.of(visit(H1, B, "2026-04-01T01:00:00Z"));

    assertThat(VisitRules.plan(A, APRIL, duties, visits, LATER).entries()).isEmpty();
    VisitPlan planB = VisitRules.plan(B, APRIL, duties, visits, LATER);
    assertThat(planB.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.visited()).isTrue();
              assertThat(e.dutyFrom()).isEqualTo(VisitRules.monthStart(APRIL));
              assertThat(e.movedInDuringMonth()).isFalse();
            });
  }

  @Test
  void inTheCurrentMonthTheDutyFollowsTheHouseholdAsOfNow() {
    Instant move = t("2026-03-15T04:00:00Z");
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, move), new Duty(H1, B, move, null));
    Instant beforeMove = t("2026-03-10T00:00:00Z");
    Instant afterMove = t("2026-03-20T00:00:00Z");

    assertThat(VisitRules.plan(A, MARCH, duties, List.of(), beforeMove).entries()).hasSize(1);
    assertThat(VisitRules.plan(B, MARCH, duties, List.of(), beforeMove).entries()).isEmpty();
    assertThat(VisitRules.plan(A, MARCH, duties, List.of(), afterMove).entries()).isEmpty();
    VisitPlan current = VisitRules.plan(B, MARCH, duties, List.of(), afterMove);
    assertThat(current.period()).isEqualTo(VisitPlan.Period.CURRENT);
    assertThat(current.overdue()).hasSize(1);
  }

  @Test
  void aFutureMonthListsTheCurrentRosterAndNothingIsOverdue() {
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, null));
    VisitPlan plan = VisitRules.plan(A, APRIL, duties, List.of(), t("2026-03-20T00:00:00Z"));
    assertThat(plan.period()).isEqualTo(VisitPlan.Period.FUTURE);
    assertThat(plan.due()).isEqualTo(1);
    assertThat(plan.overdue()).isEmpty();
  }

  @Test
  void aHouseholdThatLeftEveryRosterBeforeTheMonthEndedIsNotDue() {
    List<Duty> duties = List.of(new Duty(H1, A, LONG_AGO, t("2026-03-15T00:00:00Z")));
    VisitPlan plan = VisitRules.plan(A, MARCH, duties, List.of(), LATER);
    assertThat(plan.entries()).isEmpty();
    assertThat(plan.rate()).isNull();
  }

  @Test
  void aNewlyRegisteredHouseholdCountsFromTheStartOfTheMonth() {
    Instant joined = t("2026-03-20T08:00:00Z");
    List<Duty> duties = List.of(new Duty(H1, A, joined, null));
    List<VisitFact> visits = List.of(visit(H1, A, "2026-03-20T01:00:00Z"));

    VisitPlan plan = VisitRules.plan(A, MARCH, duties, visits, LATER);

    assertThat(plan.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.visited()).isTrue();
              assertThat(e.movedInDuringMonth()).isFalse();
            });
  }

  @Test
  void aHouseholdIsOnTheRosterWhileAnyOfItsMembersIs() {
    Instant t1 = t("2026-03-01T00:00:00Z");
    Instant t2 = t("2026-03-10T00:00:00Z");
    Instant t3 = t("2026-03-20T00:00:00Z");
    List<Duty> merged =
        VisitRules.merge(
            List.of(new Duty(H1, A, t1, t3), new Duty(H1, A, t2, null), new Duty(H2, A, t1, t2)));
    assertThat(merged)
        .containsExactlyInAnyOrder(new Duty(H1, A, t1, null), new Duty(H2, A, t1, t2));
  }

  @Test
  void theResponsibleBranchIsTheOneHoldingTheHouseholdAtThatMoment() {
    Instant joined = t("2026-03-01T00:00:00Z");
    Instant move = t("2026-03-15T04:00:00Z");
    List<Duty> duties = List.of(new Duty(H1, A, joined, move), new Duty(H1, B, move, null));

    assertThat(VisitRules.responsibleBranches(duties, t("2026-03-10T00:00:00Z")))
        .containsExactly(A);
    assertThat(VisitRules.responsibleBranches(duties, move)).containsExactly(B);
    // Before the first assignment: the first branch (a visit the same morning as registration).
    assertThat(VisitRules.responsibleBranches(duties, t("2026-02-28T00:00:00Z")))
        .containsExactly(A);
    assertThat(VisitRules.responsibleBranches(List.of(new Duty(H1, A, joined, move)), LATER))
        .isEmpty();
  }
}
