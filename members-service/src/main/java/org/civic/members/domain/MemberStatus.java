package org.civic.members.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Member status: ACTIVE — 正常, TRANSFERRED_OUT — 组织关系转出, DECEASED — 去世, LOST_CONTACT — 失联, SUSPENDED
 * — 停止党籍.
 */
@Schema(
    description =
        "Member status: ACTIVE — 正常, TRANSFERRED_OUT — 组织关系转出, DECEASED — 去世, LOST_CONTACT — 失联, SUSPENDED — 停止党籍.")
public enum MemberStatus {
  ACTIVE("正常"),
  TRANSFERRED_OUT("组织关系转出"),
  DECEASED("去世"),
  LOST_CONTACT("失联"),
  SUSPENDED("停止党籍");

  public final String chinese;

  MemberStatus(String chinese) {
    this.chinese = chinese;
  }
}
