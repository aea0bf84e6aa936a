package org.civic.web.security;

import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling, taken from a verified token: the subject (for the audit log), the role it acts
 * with and what that role is bound to.
 *
 * @param orgUnitId the org unit the role is bound to (street, community or branch); null for MEMBER
 * @param memberId the caller's own member record, when the token names one (always for MEMBER)
 */
public record Caller(String subject, Role role, UUID orgUnitId, UUID memberId) {

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
