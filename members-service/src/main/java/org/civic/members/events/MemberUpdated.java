package org.civic.members.events;

import org.civic.members.domain.Member;

/** MemberUpdated on members.events: the snapshot after an edit. */
public final class MemberUpdated {
  public static final String TYPE = "MemberUpdated";

  private MemberUpdated() {}

  public static MemberSnapshot of(Member m) {
    return MemberSnapshot.of(m);
  }
}
