package org.civic.web.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, taken from a verified token: the subject (for the audit log), the role it acts
 * with and what that role is bound to.
 *
 * @param orgUnitId the org unit the role is bound to (street, community or branch); null for MEMBER
 * @param memberId the caller's own member record, when the token names one (always for MEMBER)
 */
public record Caller(String subject, Role role, UUID orgUnitId, UUID memberId) {
  public static final String ORG_UNIT_CLAIM = "org_unit";
  public static final String MEMBER_ID_CLAIM = "member_id";

  public Caller {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(role, "role");
    if (role == Role.MEMBER && memberId == null) {
      throw new AccessDenied("A MEMBER token must carry the member_id claim");
    }
    if (role != Role.MEMBER && orgUnitId == null) {
      throw new AccessDenied("A " + role + " token must carry the org_unit claim");
    }
  }

  /**
   * The caller a verified token names.
   *
   * @throws AccessDenied without a known role, or with a missing or malformed org unit or member
   */
  public static Caller of(JsonWebToken jwt) {
    Role role = strongest(jwt.getGroups());
    if (role == null) {
      throw new AccessDenied("The token carries none of the roles " + List.of(Role.values()));
    }
    return new Caller(
        jwt.getSubject() == null ? jwt.getName() : jwt.getSubject(),
        role,
        uuidClaim(jwt, ORG_UNIT_CLAIM),
        uuidClaim(jwt, MEMBER_ID_CLAIM));
  }

  private static UUID uuidClaim(JsonWebToken jwt, String name) {
    Object value = jwt.getClaim(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().replace("\"", "");
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new AccessDenied("The token's " + name + " claim is not a UUID");
    }
  }

  /** The strongest of the given role names; null when none is a known role. */
  public static Role strongest(Collection<String> groups) {
    for (Role role : Role.values()) {
      if (groups.contains(role.name())) {
        return role;
      }
    }
    return null;
  }

  public boolean is(Role other) {
    return role == other;
  }

  /** May see unmasked phone numbers and, within scope, sensitive profiles. */
  public boolean isStaff() {
    return role.isStaff();
  }
}
