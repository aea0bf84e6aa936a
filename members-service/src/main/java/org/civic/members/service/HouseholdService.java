package org.civic.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Household;
import org.civic.members.domain.MemberRules;
import org.civic.members.persistence.HouseholdRepository;
import org.civic.members.persistence.ListedMember;
import org.civic.members.persistence.MemberQuery;
import org.civic.members.persistence.MemberRepository;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Scope;

/**
 * Households (家庭) are created on demand by registrations and relocations; here they are read,
 * within the caller's scope.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HouseholdService {
  private final HouseholdRepository households;
  private final MemberRepository members;
  private final CurrentCaller callers;

  HouseholdService(
      HouseholdRepository households, MemberRepository members, CurrentCaller callers) {
    this.households = households;
    this.members = members;
    this.callers = callers;
  }

  public Page<Household> list(UUID communityId, UUID buildingId, PageRequest page) {
    Scope scope = callers.scope();
    return Page.of(
        households.page(communityId, buildingId, scope, page),
        page,
        () -> households.count(communityId, buildingId, scope));
  }

  /** The household if the caller may see it (404 otherwise, as for one that does not exist). */
  public Household get(UUID id) {
    return households
        .findVisible(id, callers.scope())
        .orElseThrow(() -> ProblemException.notFound("Household", id));
  }

  /** The household's members the caller may see. */
  public List<ListedMember> membersOf(UUID householdId) {
    return members
        .page(
            MemberQuery.inHousehold(householdId),
            callers.scope(),
            MemberRules.today(),
            0,
            Integer.MAX_VALUE)
        .items();
  }
}
