package org.civic.members.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.civic.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class TransferRulesTests {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  static Transfer outgoing(LocalDate validUntil) {
    Member m = MemberRulesTests.member(MemberStatus.ACTIVE, TODAY);
    return Transfer.out(m, "宁组转〔2026〕1号", validUntil, "鼓楼区某社区党委", null, TODAY);
  }

  @Test
  void aRequestedTransferCanBeConfirmedOnce() {
    Transfer t = outgoing(TODAY.plusDays(30));
    assertThat(t.state(TODAY)).isEqualTo(TransferState.REQUESTED);
    t.confirm(TODAY);
    assertThat(t.state(TODAY)).isEqualTo(TransferState.CONFIRMED);
    assertThatThrownBy(() -> t.confirm(TODAY)).hasMessageContaining("already CONFIRMED");
    assertThatThrownBy(() -> t.reject("x", TODAY)).isInstanceOf(RuleViolation.class);
  }

  @Test
  void aRejectedTransferCannotBeConfirmed() {
    Transfer t = outgoing(TODAY.plusDays(30));
    t.reject("letter unreadable", TODAY);
    assertThat(t.state(TODAY)).isEqualTo(TransferState.REJECTED);
    assertThat(t.decisionReason).isEqualTo("letter unreadable");
    assertThatThrownBy(() -> t.confirm(TODAY)).hasMessageContaining("REJECTED");
  }

  @Test
  void aTransferExpiresTheDayAfterItsLetterValidity() {
    Transfer t = outgoing(TODAY);
    assertThat(t.state(TODAY)).isEqualTo(TransferState.REQUESTED);
    LocalDate tomorrow = TODAY.plusDays(1);
    assertThat(t.state(tomorrow)).isEqualTo(TransferState.EXPIRED);
    assertThatThrownBy(() -> t.confirm(tomorrow)).hasMessageContaining("expired");
    assertThat(t.storedState).isEqualTo(TransferState.REQUESTED);
  }

  @Test
  void aLetterMustBeValidTodayAndWithinAYear() {
    assertThatThrownBy(() -> outgoing(TODAY.minusDays(1))).hasMessageContaining("validUntil");
    assertThatThrownBy(() -> outgoing(TODAY.plusDays(400))).hasMessageContaining("validUntil");
  }

  @Test
  void onlyActiveOrLostContactMembersCanBeTransferredOut() {
    Member deceased = MemberRulesTests.member(MemberStatus.DECEASED, TODAY);
    assertThatThrownBy(() -> Transfer.out(deceased, "1", TODAY.plusDays(10), "other", null, TODAY))
        .isInstanceOf(RuleViolation.class);
  }
}
