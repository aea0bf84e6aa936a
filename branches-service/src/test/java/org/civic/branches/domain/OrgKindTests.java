package org.civic.branches.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class OrgKindTests {

  @Test
  void theTreeRunsStreetCommunityBranchPartyGroup() {
    OrgUnit street = new OrgUnit(OrgKind.STREET_WORKING_COMMITTEE, null, "中华门街道党工委", null);
    OrgUnit community = new OrgUnit(OrgKind.COMMUNITY_COMMITTEE, street, "金贡里社区党委", "C1");
    OrgUnit branch = new OrgUnit(OrgKind.BUILDING_BRANCH, community, "3号楼党支部", null);
    OrgUnit group = new OrgUnit(OrgKind.PARTY_GROUP, branch, "第一党小组", null);
    assertThat(street.communityId).isNull();
    assertThat(community.communityId).isEqualTo(community.id);
    assertThat(branch.communityId).isEqualTo(community.id);
    assertThat(group.communityId).isEqualTo(community.id);
    assertThat(group.parentId).isEqualTo(branch.id);
  }

  @Test
  void unitOrganisationsAndTheFloatingStationHangOffTheCommunity() {
    OrgUnit street = new OrgUnit(OrgKind.STREET_WORKING_COMMITTEE, null, "s", null);
    OrgUnit community = new OrgUnit(OrgKind.COMMUNITY_COMMITTEE, street, "c", null);
    new OrgUnit(OrgKind.UNIT_ORGANISATION, community, "u", null);
    new OrgUnit(OrgKind.FLOATING_MEMBER_STATION, community, "f", null);
    assertThatThrownBy(() -> new OrgUnit(OrgKind.FLOATING_MEMBER_STATION, street, "f", null))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("cannot be placed under a STREET_WORKING_COMMITTEE");
  }

  @Test
  void misplacedUnitsAreRefused() {
    OrgUnit street = new OrgUnit(OrgKind.STREET_WORKING_COMMITTEE, null, "s", null);
    OrgUnit community = new OrgUnit(OrgKind.COMMUNITY_COMMITTEE, street, "c", null);
    assertThatThrownBy(() -> new OrgUnit(OrgKind.COMMUNITY_COMMITTEE, null, "c", null))
        .hasMessageContaining("needs a parent");
    assertThatThrownBy(() -> new OrgUnit(OrgKind.STREET_WORKING_COMMITTEE, street, "s2", null))
        .hasMessageContaining("is a root");
    assertThatThrownBy(() -> new OrgUnit(OrgKind.PARTY_GROUP, community, "g", null))
        .hasMessageContaining("cannot be placed under a COMMUNITY_COMMITTEE");
    assertThatThrownBy(() -> new OrgUnit(OrgKind.BUILDING_BRANCH, street, "b", null))
        .isInstanceOf(RuleViolation.class);
  }
}
