package org.civic.members.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.StatusChange;

/** MemberStatusChanged on members.events: the snapshot plus previousStatus, date and reason. */
public record MemberStatusChanged(
    @JsonUnwrapped MemberSnapshot member,
    MemberStatus previousStatus,
    LocalDate effectiveDate,
    String reason) {
  public static final String TYPE = "MemberStatusChanged";

  public static MemberStatusChanged of(Member m, StatusChange change) {
    return new MemberStatusChanged(
        MemberSnapshot.of(m), change.fromStatus, change.effectiveDate, change.reason);
  }
}
