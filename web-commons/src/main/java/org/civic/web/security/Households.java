package org.civic.web.security;

import java.util.UUID;

/** A member's household as this service knows it, so a MEMBER also sees their household. */
public interface Households {
  /** The member's household, or null when unknown. */
  UUID householdOf(UUID memberId);
}
