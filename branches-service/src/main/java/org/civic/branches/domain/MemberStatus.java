package org.civic.branches.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Member status: ACTIVE 正常, TRANSFERRED_OUT 组织关系转出, DECEASED 去世, LOST_CONTACT 失联, SUSPENDED 停止党籍.
 */
@Schema(
    description =
        "Member status: ACTIVE 正常, TRANSFERRED_OUT 组织关系转出, DECEASED 去世, LOST_CONTACT 失联, SUSPENDED 停止党籍.")
public enum MemberStatus {
  ACTIVE,
  TRANSFERRED_OUT,
  DECEASED,
  LOST_CONTACT,
  SUSPENDED;

  /** Whether a member with this status belongs on a roster (the branch must still reach them). */
  public boolean onRoster() {
    return this == ACTIVE || this == LOST_CONTACT;
  }
}
