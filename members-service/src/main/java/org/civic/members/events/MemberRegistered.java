package org.civic.members.events;

import org.civic.members.domain.Member;

/** MemberRegistered on members.events: the snapshot of the new member. */
public final class MemberRegistered {
  public static final String TYPE = "MemberRegistered";

  private MemberRegistered() {}

  public static MemberSnapshot of(Member m) {
    return MemberSnapshot.of(m);
  }
}
