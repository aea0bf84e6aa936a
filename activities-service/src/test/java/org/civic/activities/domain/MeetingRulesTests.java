package org.civic.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.civic.activities.domain.MeetingRules.Compliance;
import org.civic.activities.domain.MeetingRules.HeldMeeting;
import org.civic.activities.domain.MeetingRules.TypeCompliance;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class MeetingRulesTests {

  static TypeCompliance of(Compliance c, ActivityType type) {
    return c.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
  }

  @Test
  void frequenciesFollowTheThreeMeetingsOneLessonConvention() {
    assertThat(ActivityType.BRANCH_MEMBERS_MEETING.requiredFrequency())
        .isEqualTo(MeetingFrequency.QUARTERLY);
    assertThat(ActivityType.COMMITTEE_MEETING.requiredFrequency())
        .isEqualTo(MeetingFrequency.MONTHLY);
    assertThat(ActivityType.PARTY_GROUP_MEETING.requiredFrequency())
        .isEqualTo(MeetingFrequency.MONTHLY);
    assertThat(ActivityType.PARTY_LESSON.requiredFrequency()).isEqualTo(MeetingFrequency.QUARTERLY);
    assertThat(ActivityType.THEME_DAY.requiredFrequency()).isEqualTo(MeetingFrequency.MONTHLY);
    assertThat(ActivityType.ANNUAL_REVIEW_MEETING.requiredFrequency())
        .isEqualTo(MeetingFrequency.YEARLY);
    assertThat(ActivityType.MEMBER_APPRAISAL.requiredFrequency())
        .isEqualTo(MeetingFrequency.YEARLY);
    assertThat(ActivityType.STUDY.requiredFrequency()).isNull();
  }

  @Test
  void aFirstHalfYearNeedsSixCommitteeMeetingsTwoMembersMeetingsAndTwoLessons() {
    Compliance c =
        MeetingRules.evaluate(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 6, 30),
            List.of(
                new HeldMeeting(ActivityType.COMMITTEE_MEETING, LocalDate.of(2026, 1, 5)),
                new HeldMeeting(ActivityType.COMMITTEE_MEETING, LocalDate.of(2026, 1, 25)),
                new HeldMeeting(ActivityType.COMMITTEE_MEETING, LocalDate.of(2026, 3, 5)),
                new HeldMeeting(ActivityType.PARTY_LESSON, LocalDate.of(2026, 2, 5)),
                new HeldMeeting(ActivityType.BRANCH_MEMBERS_MEETING, LocalDate.of(2026, 4, 1)),
                new HeldMeeting(ActivityType.STUDY, LocalDate.of(2026, 4, 1))));

    TypeCompliance committee = of(c, ActivityType.COMMITTEE_MEETING);
    assertThat(committee.required()).isEqualTo(6);
    assertThat(committee.fulfilled()).isEqualTo(2);
    assertThat(committee.held()).isEqualTo(3);
    assertThat(committee.missing()).containsExactly("2026-02", "2026-04", "2026-05", "2026-06");

    TypeCompliance lesson = of(c, ActivityType.PARTY_LESSON);
    assertThat(lesson.required()).isEqualTo(2);
    assertThat(lesson.missing()).containsExactly("2026-Q2");

    TypeCompliance members = of(c, ActivityType.BRANCH_MEMBERS_MEETING);
    assertThat(members.missing()).containsExactly("2026-Q1");

    TypeCompliance review = of(c, ActivityType.ANNUAL_REVIEW_MEETING);
    assertThat(review.required()).isEqualTo(1);
    assertThat(review.missing()).containsExactly("2026");
    assertThat(c.types()).extracting(TypeCompliance::type).doesNotContain(ActivityType.STUDY);
  }

  @Test
  void aPeriodCrossingAYearBoundaryHasTwoYearlyBucketsAndPartialQuartersCount() {
    assertThat(
            MeetingRules.buckets(
                MeetingFrequency.QUARTERLY, LocalDate.of(2025, 12, 15), LocalDate.of(2026, 1, 10)))
        .extracting(MeetingRules.Bucket::label)
        .containsExactly("2025-Q4", "2026-Q1");
    assertThat(
            MeetingRules.buckets(
                MeetingFrequency.YEARLY, LocalDate.of(2025, 12, 15), LocalDate.of(2026, 1, 10)))
        .extracting(MeetingRules.Bucket::label)
        .containsExactly("2025", "2026");
  }

  @Test
  void aMeetingHeldInTheBucketButBeforeThePeriodStillFulfilsIt() {
    Compliance c =
        MeetingRules.evaluate(
            LocalDate.of(2026, 3, 15),
            LocalDate.of(2026, 3, 31),
            List.of(new HeldMeeting(ActivityType.THEME_DAY, LocalDate.of(2026, 3, 1))));
    assertThat(of(c, ActivityType.THEME_DAY).missing()).isEmpty();
  }

  @Test
  void toBeforeFromIsRefused() {
    assertThatThrownBy(
            () ->
                MeetingRules.buckets(
                    MeetingFrequency.MONTHLY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))
        .isInstanceOf(RuleViolation.class);
  }
}
