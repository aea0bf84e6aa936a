package org.civic.branches.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class BranchRulesTests {
  static final UUID COMMUNITY = UUID.randomUUID();

  static BuildingFacts building(long full, long total) {
    return new BuildingFacts(UUID.randomUUID(), "楼", COMMUNITY, full, total, null);
  }

  @Test
  void aBuildingWithThreeFullMembersMayHaveItsOwnBranch() {
    assertThat(
            BranchRules.checkCoverage(
                OrgKind.BUILDING_BRANCH, COMMUNITY, null, List.of(building(3, 4))))
        .isEmpty();
    assertThat(BranchRules.eligibleForOwnBranch(3)).isTrue();
    assertThat(BranchRules.eligibleForOwnBranch(2)).isFalse();
  }

  @Test
  void aBuildingWithFewerThanThreeFullMembersNeedsAJointBranch() {
    assertThatThrownBy(
            () ->
                BranchRules.checkCoverage(
                    OrgKind.BUILDING_BRANCH, COMMUNITY, null, List.of(building(2, 9))))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("at least 3 full members")
        .hasMessageContaining("JOINT_BRANCH");
  }

  @Test
  void probationaryMembersDoNotCountTowardsTheThree() {
    assertThatThrownBy(
            () ->
                BranchRules.checkCoverage(
                    OrgKind.JOINT_BRANCH, COMMUNITY, null, List.of(building(1, 5), building(1, 5))))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("these have 2");
  }

  @Test
  void aJointBranchPoolsTheFullMembersOfItsBuildings() {
    assertThat(
            BranchRules.checkCoverage(
                OrgKind.JOINT_BRANCH, COMMUNITY, null, List.of(building(1, 1), building(2, 2))))
        .isEmpty();
  }

  @Test
  void aJointBranchCoversTwoToFiveBuildings() {
    assertThatThrownBy(
            () ->
                BranchRules.checkCoverage(
                    OrgKind.JOINT_BRANCH, COMMUNITY, null, List.of(building(5, 5))))
        .hasMessageContaining("2 to 5");
    List<BuildingFacts> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(building(1, 1));
    }
    assertThatThrownBy(() -> BranchRules.checkCoverage(OrgKind.JOINT_BRANCH, COMMUNITY, null, six))
        .hasMessageContaining("not 6");
    assertThat(BranchRules.checkCoverage(OrgKind.JOINT_BRANCH, COMMUNITY, null, six.subList(0, 5)))
        .isEmpty();
  }

  @Test
  void aBuildingBranchCoversExactlyOneBuilding() {
    assertThatThrownBy(
            () ->
                BranchRules.checkCoverage(
                    OrgKind.BUILDING_BRANCH,
                    COMMUNITY,
                    null,
                    List.of(building(3, 3), building(3, 3))))
        .hasMessageContaining("exactly one");
  }

  @Test
  void aBuildingCoveredByAnotherBranchIsRefusedButItsOwnBranchMayKeepIt() {
    UUID other = UUID.randomUUID();
    BuildingFacts covered = new BuildingFacts(UUID.randomUUID(), "5号楼", COMMUNITY, 4, 4, other);
    assertThatThrownBy(
            () ->
                BranchRules.checkCoverage(
                    OrgKind.BUILDING_BRANCH, COMMUNITY, null, List.of(covered)))
        .hasMessageContaining("already covered by branch " + other);
    assertThat(
            BranchRules.checkCoverage(OrgKind.BUILDING_BRANCH, COMMUNITY, other, List.of(covered)))
        .isEmpty();
  }

  @Test
  void buildingsOfAnotherCommunityAreRefused() {
    BuildingFacts elsewhere =
        new BuildingFacts(UUID.randomUUID(), "x", UUID.randomUUID(), 5, 5, null);
    assertThatThrownBy(
            () ->
                BranchRules.checkCoverage(
                    OrgKind.BUILDING_BRANCH, COMMUNITY, null, List.of(elsewhere)))
        .hasMessageContaining("another community");
  }

  @Test
  void aBuildingListedTwiceIsRefused() {
    BuildingFacts b = building(3, 3);
    assertThatThrownBy(
            () -> BranchRules.checkCoverage(OrgKind.JOINT_BRANCH, COMMUNITY, null, List.of(b, b)))
        .hasMessageContaining("listed twice");
  }

  @Test
  void moreThanFiftyMembersIsAWarningNotAnError() {
    assertThat(
            BranchRules.checkCoverage(
                OrgKind.JOINT_BRANCH, COMMUNITY, null, List.of(building(20, 30), building(10, 21))))
        .singleElement()
        .asString()
        .contains("51 members");
    assertThat(
            BranchRules.checkCoverage(
                OrgKind.JOINT_BRANCH, COMMUNITY, null, List.of(building(20, 30), building(10, 20))))
        .isEmpty();
  }

  @Test
  void onlyBranchKindsCanCoverBuildings() {
    assertThatThrownBy(
            () ->
                BranchRules.checkCoverage(
                    OrgKind.PARTY_GROUP, COMMUNITY, null, List.of(building(3, 3))))
        .hasMessageContaining("BUILDING_BRANCH or JOINT_BRANCH");
  }

  @Test
  void aBranchBelowThreeFullMembersNeedsAttention() {
    assertThat(BranchRules.belowMinimum(2)).isTrue();
    assertThat(BranchRules.belowMinimum(3)).isFalse();
  }
}
