package org.civic.branches.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.civic.branches.domain.CommitteeRules.SeatRequest;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class CommitteeRulesTests {
  final List<UUID> members = new ArrayList<>();
  final Set<UUID> roster = new HashSet<>();

  CommitteeRulesTests() {
    for (int i = 0; i < 10; i++) {
      UUID id = UUID.randomUUID();
      members.add(id);
      roster.add(id);
    }
  }

  SeatRequest seat(int member, SeatRole role) {
    return new SeatRequest(members.get(member), role);
  }

  @Test
  void aSmallBranchHasASecretaryAndOptionallyADeputy() {
    assertThat(CommitteeRules.checkSeats(5, roster, List.of(seat(0, SeatRole.SECRETARY))))
        .isEmpty();
    assertThat(
            CommitteeRules.checkSeats(
                5,
                roster,
                List.of(seat(0, SeatRole.SECRETARY), seat(1, SeatRole.DEPUTY_SECRETARY))))
        .isEmpty();
  }

  @Test
  void aSmallBranchHasNoCommittee() {
    assertThatThrownBy(
            () ->
                CommitteeRules.checkSeats(
                    6,
                    roster,
                    List.of(seat(0, SeatRole.SECRETARY), seat(1, SeatRole.ORGANISATION))))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("has no committee");
  }

  @Test
  void aBranchWithSevenFullMembersElectsThreeToFiveAndAtMostSeven() {
    assertThatThrownBy(
            () ->
                CommitteeRules.checkSeats(
                    7,
                    roster,
                    List.of(seat(0, SeatRole.SECRETARY), seat(1, SeatRole.DEPUTY_SECRETARY))))
        .hasMessageContaining("committee of 3 to 5");
    assertThat(
            CommitteeRules.checkSeats(
                7,
                roster,
                List.of(
                    seat(0, SeatRole.SECRETARY),
                    seat(1, SeatRole.ORGANISATION),
                    seat(2, SeatRole.PUBLICITY))))
        .isEmpty();
    List<SeatRequest> six =
        List.of(
            seat(0, SeatRole.SECRETARY),
            seat(1, SeatRole.DEPUTY_SECRETARY),
            seat(2, SeatRole.ORGANISATION),
            seat(3, SeatRole.PUBLICITY),
            seat(4, SeatRole.DISCIPLINE),
            seat(5, SeatRole.MEMBER));
    assertThat(CommitteeRules.checkSeats(9, roster, six))
        .singleElement()
        .asString()
        .contains("above the usual 5");
    List<SeatRequest> eight = new ArrayList<>(six);
    eight.add(seat(6, SeatRole.MEMBER));
    eight.add(seat(7, SeatRole.MEMBER));
    assertThatThrownBy(() -> CommitteeRules.checkSeats(9, roster, eight))
        .hasMessageContaining("not 8");
  }

  @Test
  void exactlyOneSecretary() {
    assertThatThrownBy(
            () -> CommitteeRules.checkSeats(3, roster, List.of(seat(0, SeatRole.DEPUTY_SECRETARY))))
        .hasMessageContaining("exactly one secretary");
    assertThatThrownBy(
            () ->
                CommitteeRules.checkSeats(
                    9,
                    roster,
                    List.of(
                        seat(0, SeatRole.SECRETARY),
                        seat(1, SeatRole.SECRETARY),
                        seat(2, SeatRole.MEMBER))))
        .hasMessageContaining("exactly one secretary");
  }

  @Test
  void onlyRosterMembersHoldSeats() {
    UUID stranger = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                CommitteeRules.checkSeats(
                    3, roster, List.of(new SeatRequest(stranger, SeatRole.SECRETARY))))
        .hasMessageContaining(stranger + " is not on the branch's roster");
  }

  @Test
  void aMemberHoldsOneSeat() {
    assertThatThrownBy(
            () ->
                CommitteeRules.checkSeats(
                    3,
                    roster,
                    List.of(seat(0, SeatRole.SECRETARY), seat(0, SeatRole.DEPUTY_SECRETARY))))
        .hasMessageContaining("more than one seat");
  }

  @Test
  void communityTermsLastFiveYearsOthersThree() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    assertThat(CommitteeRules.defaultEnd(OrgKind.COMMUNITY_COMMITTEE, start))
        .isEqualTo(LocalDate.of(2030, 12, 31));
    assertThat(CommitteeRules.defaultEnd(OrgKind.BUILDING_BRANCH, start))
        .isEqualTo(LocalDate.of(2028, 12, 31));
    assertThat(CommitteeRules.defaultEnd(OrgKind.JOINT_BRANCH, start))
        .isEqualTo(LocalDate.of(2028, 12, 31));
  }

  @Test
  void termNumbersGrowAndTermsEndAfterTheyStart() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    assertThatThrownBy(() -> CommitteeRules.checkTerm(2, 2, start, start.plusYears(3)))
        .hasMessageContaining("above the previous");
    assertThatThrownBy(() -> CommitteeRules.checkTerm(1, 0, start, start))
        .hasMessageContaining("ends after it starts");
    CommitteeRules.checkTerm(3, 2, start, start.plusYears(3));
  }
}
