package org.civic.members.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class MemberRulesTests {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  static MemberDetails details(
      LocalDate birth, Standing standing, LocalDate joined, LocalDate full) {
    return new MemberDetails(
        "张秀兰",
        Gender.FEMALE,
        birth,
        "汉族",
        null,
        standing,
        joined,
        full,
        Category.RETIRED,
        MembershipHeld.COMMUNITY,
        null,
        null,
        null,
        List.of("Medical", " calligraphy ", "medical"));
  }

  static Household household(UUID building, String unit, String room) {
    Household h = new Household();
    h.id = UUID.randomUUID();
    h.communityId = UUID.randomUUID();
    h.buildingId = building;
    h.unit = unit;
    h.room = room;
    h.createdAt = OffsetDateTime.now();
    return h;
  }

  static Member member(MemberStatus status, LocalDate since) {
    return new Member(
        details(LocalDate.of(1948, 3, 2), Standing.FULL, null, null),
        UUID.randomUUID(),
        household(UUID.randomUUID(), "2", "301"),
        status,
        since);
  }

  @Test
  void ageCountsWholeYearsUpToTheBirthday() {
    assertThat(MemberRules.age(LocalDate.of(1948, 11, 29), TODAY)).isEqualTo(78);
    assertThat(MemberRules.age(LocalDate.of(1948, 11, 30), TODAY)).isEqualTo(77);
    assertThat(MemberRules.bornOnOrBefore(78, TODAY)).isEqualTo(LocalDate.of(1948, 11, 29));
    assertThat(MemberRules.bornAfter(77, TODAY)).isEqualTo(LocalDate.of(1948, 11, 29));
  }

  @Test
  void aBirthDateInTheFutureIsRefused() {
    assertThat(MemberRules.check(details(TODAY.plusDays(1), Standing.FULL, null, null), TODAY))
        .extracting(RuleViolation.Violation::field)
        .containsExactly("birthDate");
  }

  @Test
  void joiningBeforeEighteenOrFullBeforeJoiningIsRefused() {
    MemberDetails d =
        details(
            LocalDate.of(1990, 5, 1),
            Standing.FULL,
            LocalDate.of(2008, 4, 30),
            LocalDate.of(2008, 1, 1));
    assertThat(MemberRules.check(d, TODAY))
        .extracting(RuleViolation.Violation::field)
        .containsExactly("joinedOn", "fullMemberOn");
    assertThat(
            MemberRules.check(
                details(
                    LocalDate.of(1990, 5, 1),
                    Standing.FULL,
                    LocalDate.of(2008, 5, 1),
                    LocalDate.of(2009, 5, 1)),
                TODAY))
        .isEmpty();
  }

  @Test
  void aProbationaryMemberHasNoFullMembershipDate() {
    assertThatThrownBy(
            () ->
                MemberRules.require(
                    details(
                        LocalDate.of(1990, 5, 1),
                        Standing.PROBATIONARY,
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 1, 1)),
                    TODAY))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("fullMemberOn");
  }

  @Test
  void membershipHeldByAnEmployerNeedsTheOrganisation() {
    MemberDetails d =
        new MemberDetails(
            "李强",
            Gender.MALE,
            LocalDate.of(1980, 1, 1),
            null,
            null,
            Standing.FULL,
            null,
            null,
            Category.EMPLOYED,
            MembershipHeld.EMPLOYER,
            " ",
            null,
            null,
            List.of());
    assertThat(MemberRules.check(d, TODAY))
        .extracting(RuleViolation.Violation::field)
        .containsExactly("membershipOrganisation");
  }

  @Test
  void statusTransitionsFollowTheRules() {
    assertThat(MemberRules.canChange(MemberStatus.ACTIVE, MemberStatus.LOST_CONTACT)).isTrue();
    assertThat(MemberRules.canChange(MemberStatus.LOST_CONTACT, MemberStatus.SUSPENDED)).isTrue();
    assertThat(MemberRules.canChange(MemberStatus.SUSPENDED, MemberStatus.ACTIVE)).isTrue();
    assertThat(MemberRules.canChange(MemberStatus.SUSPENDED, MemberStatus.LOST_CONTACT)).isFalse();
    assertThat(MemberRules.canChange(MemberStatus.DECEASED, MemberStatus.ACTIVE)).isFalse();
    assertThat(MemberRules.canChange(MemberStatus.TRANSFERRED_OUT, MemberStatus.ACTIVE)).isFalse();
  }

  @Test
  void transferredOutOnlyComesFromATransfer() {
    Member m = member(MemberStatus.ACTIVE, LocalDate.of(2020, 1, 1));
    assertThatThrownBy(() -> m.changeStatus(MemberStatus.TRANSFERRED_OUT, TODAY, false, TODAY))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("transfer");
    assertThat(m.changeStatus(MemberStatus.TRANSFERRED_OUT, TODAY, true, TODAY))
        .isEqualTo(MemberStatus.ACTIVE);
    assertThat(m.status).isEqualTo(MemberStatus.TRANSFERRED_OUT);
  }

  @Test
  void aStatusChangeCannotBeDatedInTheFutureOrBeforeTheCurrentStatus() {
    Member m = member(MemberStatus.ACTIVE, LocalDate.of(2020, 1, 1));
    assertThatThrownBy(
            () -> m.changeStatus(MemberStatus.LOST_CONTACT, TODAY.plusDays(1), false, TODAY))
        .hasMessageContaining("effectiveDate");
    assertThatThrownBy(
            () ->
                m.changeStatus(MemberStatus.LOST_CONTACT, LocalDate.of(2019, 12, 31), false, TODAY))
        .hasMessageContaining("effectiveDate");
    assertThatThrownBy(() -> m.changeStatus(MemberStatus.ACTIVE, TODAY, false, TODAY))
        .hasMessageContaining("already");
    assertThat(m.status).isEqualTo(MemberStatus.ACTIVE);
  }

  @Test
  void lostContactForSixMonthsIsFlaggedFromTheSameDaySixMonthsLater() {
    Member m = member(MemberStatus.LOST_CONTACT, LocalDate.of(2026, 5, 29));
    assertThat(m.lostContactOverSixMonths(TODAY)).isTrue();
    assertThat(m.lostContactOverSixMonths(LocalDate.of(2026, 11, 28))).isFalse();
    Member active = member(MemberStatus.ACTIVE, LocalDate.of(2000, 1, 1));
    assertThat(active.lostContactOverSixMonths(TODAY)).isFalse();
  }

  @Test
  void relocatingToTheSameAddressIsANoOp() {
    Member m = member(MemberStatus.ACTIVE, TODAY);
    UUID household = m.householdId;
    Household same = household(m.buildingId, " 2 ".trim(), "301");
    assertThat(m.relocate(same, UUID.randomUUID())).isFalse();
    assertThat(m.householdId).isEqualTo(household);
    Household other = household(UUID.randomUUID(), "1", "101");
    UUID community = UUID.randomUUID();
    assertThat(m.relocate(other, community)).isTrue();
    assertThat(m.householdId).isEqualTo(other.id);
    assertThat(m.communityId).isEqualTo(community);
    assertThat(m.address()).isEqualTo(new Address(other.buildingId, "1", "101"));
  }

  @Test
  void aDeceasedMemberCannotBeRelocated() {
    Member m = member(MemberStatus.DECEASED, TODAY);
    assertThatThrownBy(() -> m.relocate(household(UUID.randomUUID(), "1", "1"), UUID.randomUUID()))
        .isInstanceOf(RuleViolation.class);
  }

  @Test
  void tagsAreTrimmedLowerCasedAndDeduplicated() {
    Member m = member(MemberStatus.ACTIVE, TODAY);
    assertThat(m.specialties).containsExactly("medical", "calligraphy");
    assertThat(m.update(m.details())).isFalse();
  }
}
