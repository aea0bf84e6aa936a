package org.civic.members.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the party membership (组织关系) is held: COMMUNITY — 本社区; EMPLOYER — 工作单位党组织 (an employed
 * member who only reports to the community where they live, 在职党员到社区报到).
 */
@Schema(
    description =
        "Where the party membership (组织关系) is held: COMMUNITY — 本社区; EMPLOYER — 工作单位党组织 (an employed member who only reports to the community where they live, 在职党员到社区报到).")
public enum MembershipHeld {
  COMMUNITY("本社区"),
  EMPLOYER("工作单位");

  public final String chinese;

  MembershipHeld(String chinese) {
    this.chinese = chinese;
  }
}
