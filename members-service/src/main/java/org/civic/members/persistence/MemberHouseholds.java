package org.civic.members.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.web.security.Households;

/** A MEMBER caller's household, from the member table, so their scope includes the household. */
@ApplicationScoped
public class MemberHouseholds implements Households {
  private final MemberRepository members;

  MemberHouseholds(MemberRepository members) {
    this.members = members;
  }

  @Override
  public UUID householdOf(UUID memberId) {
    return members.householdOf(memberId);
  }
}
