package org.civic.web.security;

/**
 * The roles a caller's token may carry (claim {@code groups}). Each role is bound to one org unit
 * (claim {@code org_unit}), except MEMBER which is bound to a member (claim {@code member_id}).
 *
 * <p>Declared from the strongest down: a token carrying several roles acts with the first one.
 */
public enum Role {
  /** 街道管理员: everything in their street. */
  STREET_ADMIN,
  /** 社区书记: everything in their community. */
  COMMUNITY_SECRETARY,
  /** 支部书记: members, households, visits, activities and concerns of their branch. */
  BRANCH_SECRETARY,
  /** 城市系统: read-only, non-sensitive fields and aggregates, within their org unit. */
  CITY_SYSTEM,
  /** 党员: their own record and household, activities they attend, their volunteer hours. */
  MEMBER;

  /** Staff roles may see unmasked contact data and sensitive profiles within their scope. */
  public boolean isStaff() {
    return this == STREET_ADMIN || this == COMMUNITY_SECRETARY || this == BRANCH_SECRETARY;
  }
}
