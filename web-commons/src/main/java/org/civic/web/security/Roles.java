package org.civic.web.security;

/** Role names as compile-time constants, for {@code @RolesAllowed}. */
public final class Roles {
  public static final String STREET_ADMIN = "STREET_ADMIN";
  public static final String COMMUNITY_SECRETARY = "COMMUNITY_SECRETARY";
  public static final String BRANCH_SECRETARY = "BRANCH_SECRETARY";
  public static final String CITY_SYSTEM = "CITY_SYSTEM";
  public static final String MEMBER = "MEMBER";

  private Roles() {}
}
