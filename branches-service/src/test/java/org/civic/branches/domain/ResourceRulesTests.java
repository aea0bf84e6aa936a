package org.civic.branches.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class ResourceRulesTests {
  static BranchResources empty() {
    OrgUnit street = new OrgUnit(OrgKind.STREET_WORKING_COMMITTEE, null, "s", null);
    OrgUnit community = new OrgUnit(OrgKind.COMMUNITY_COMMITTEE, street, "c", null);
    OrgUnit unit = new OrgUnit(OrgKind.BUILDING_BRANCH, community, "b", null);
    return new BranchResources(new Branch(unit, LocalDate.of(2026, 1, 1)));
  }

  @Test
  void nothingScoresZeroAndEverythingScoresHundred() {
    BranchResources r = empty();
    assertThat(ResourceRules.score(r)).isZero();
    r.activityRoom = true;
    r.roomAreaM2 = new BigDecimal("30");
    r.yearlyFundingYuan = new BigDecimal("2000");
    r.branchPlaque = r.partyMemberHomePlaque = r.sign = r.workSystemsBoard = true;
    r.bookcase = r.ledger = r.recordBook = true;
    r.subscriptions = "人民日报";
    assertThat(ResourceRules.score(r)).isEqualTo(100);
  }

  @Test
  void aSmallRoomScoresLessThanAnAdequateOne() {
    BranchResources r = empty();
    r.activityRoom = true;
    r.roomAreaM2 = new BigDecimal("29.5");
    assertThat(ResourceRules.score(r)).isEqualTo(15);
    r.roomAreaM2 = new BigDecimal("45");
    assertThat(ResourceRules.score(r)).isEqualTo(20);
  }

  @Test
  void theThreePlaquesAndBoardCountEightEach() {
    BranchResources r = empty();
    r.branchPlaque = true;
    r.sign = true;
    assertThat(ResourceRules.score(r)).isEqualTo(16);
  }

  @Test
  void aRoomAreaWithoutARoomIsRefused() {
    assertThatThrownBy(() -> ResourceRules.check(false, new BigDecimal("20")))
        .isInstanceOf(RuleViolation.class);
  }
}
