package org.civic.activities.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.civic.activities.domain.MemberView;
import org.civic.activities.domain.RosterAssignment;
import org.civic.activities.persistence.MemberViewRepository;
import org.civic.activities.persistence.RosterAssignmentRepository;
import org.civic.web.security.Households;

/**
 * A member's household from the local view (members.events, or RosterChanged when the member
 * snapshot has not arrived), so a MEMBER caller also sees the visits to their household.
 */
@ApplicationScoped
public class MemberHouseholds implements Households {
  private final MemberViewRepository members;
  private final RosterAssignmentRepository rosters;

  MemberHouseholds(MemberViewRepository members, RosterAssignmentRepository rosters) {
    this.members = members;
    this.rosters = rosters;
  }

  @Override
  public UUID householdOf(UUID memberId) {
    if (memberId == null) {
      return null;
    }
    MemberView m = members.findById(memberId);
    if (m != null && m.householdId != null) {
      return m.householdId;
    }
    RosterAssignment r = rosters.findById(memberId);
    return r == null ? null : r.householdId;
  }
}
