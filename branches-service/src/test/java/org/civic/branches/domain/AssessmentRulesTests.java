package org.civic.branches.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class AssessmentRulesTests {

  @Test
  void aYearEndScoreFollowsTheMidYearInspection() {
    assertThatThrownBy(() -> AssessmentRules.checkProgress(null, 90))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("mid-year inspection");
    AssessmentRules.checkProgress("检查了台帐", 90);
    AssessmentRules.checkProgress(null, null);
    assertThatThrownBy(() -> AssessmentRules.checkProgress("ok", 101))
        .hasMessageContaining("between 0 and 100");
  }

  @Test
  void eachHonourGoesToItsKindOfRecipient() {
    UUID id = UUID.randomUUID();
    AssessmentRules.checkRecipient(HonourKind.ADVANCED_BUILDING_BRANCH, id, null, null);
    AssessmentRules.checkRecipient(HonourKind.CIVILISED_BUILDING, null, id, null);
    AssessmentRules.checkRecipient(HonourKind.OUTSTANDING_MEMBER, null, null, id);
    assertThatThrownBy(
            () -> AssessmentRules.checkRecipient(HonourKind.CIVILISED_BUILDING, id, null, null))
        .hasMessageContaining("buildingId");
    assertThatThrownBy(
            () -> AssessmentRules.checkRecipient(HonourKind.OUTSTANDING_MEMBER, null, id, id))
        .hasMessageContaining("memberId");
  }

  @Test
  void yearsAreSensible() {
    assertThatThrownBy(() -> AssessmentRules.checkYear(1999)).isInstanceOf(RuleViolation.class);
    AssessmentRules.checkYear(2026);
  }
}
