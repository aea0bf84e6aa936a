package org.civic.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class ConcernTests {
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T00:00:00Z");

  @Test
  void aConcernIsAssignedThenResolved() {
    Concern c = new Concern();
    UUID member = UUID.randomUUID();
    c.assign(member, NOW);
    c.resolve("已修好", NOW);
    assertThat(c.status).isEqualTo(ConcernStatus.RESOLVED);
    assertThat(c.assigneeMemberId).isEqualTo(member);
    assertThat(c.resolution).isEqualTo("已修好");
  }

  @Test
  void anOpenConcernCannotBeResolvedBeforeItIsAssigned() {
    Concern c = new Concern();
    assertThatThrownBy(() -> c.resolve("done", NOW)).isInstanceOf(RuleViolation.class);
    assertThat(c.status).isEqualTo(ConcernStatus.OPEN);
  }

  @Test
  void escalatedAndResolvedConcernsAreFinal() {
    Concern c = new Concern();
    c.escalate(EscalationLevel.STREET, null, NOW);
    assertThat(c.status).isEqualTo(ConcernStatus.ESCALATED);
    assertThatThrownBy(() -> c.assign(UUID.randomUUID(), NOW)).isInstanceOf(RuleViolation.class);
    assertThat(ConcernStatus.RESOLVED.canMoveTo(ConcernStatus.ESCALATED)).isFalse();
    assertThat(ConcernStatus.ASSIGNED.canMoveTo(ConcernStatus.ASSIGNED)).isTrue();
  }

  @Test
  void resolvingNeedsAResolution() {
    Concern c = new Concern();
    c.assign(UUID.randomUUID(), NOW);
    assertThatThrownBy(() -> c.resolve(" ", NOW)).isInstanceOf(RuleViolation.class);
    assertThat(c.status).isEqualTo(ConcernStatus.ASSIGNED);
  }

  @Test
  void serviceHoursMustBeMoreThanZeroAndAtMostADay() {
    assertThatThrownBy(() -> VolunteerService.checkHours(java.math.BigDecimal.ZERO))
        .isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> VolunteerService.checkHours(new java.math.BigDecimal("24.5")))
        .isInstanceOf(RuleViolation.class);
    assertThat(VolunteerService.checkHours(new java.math.BigDecimal("24")))
        .isEqualByComparingTo("24");
  }
}
