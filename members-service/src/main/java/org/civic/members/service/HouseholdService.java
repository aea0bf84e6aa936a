package org.civic.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Household;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberRules;
import org.civic.members.persistence.HouseholdRepository;
import org.civic.members.persistence.MemberQuery;
import org.civic.members.persistence.MemberRepository;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;

/** Households (家庭) are created on demand by registrations and relocations; here they are read. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HouseholdService {
  private final HouseholdRepository households;
  private final MemberRepository members;

  HouseholdService(HouseholdRepository households, MemberRepository members) {
    this.households = households;
    this.members = members;
  }

  public Page<Household> list(UUID communityId, UUID buildingId, PageRequest page) {
    return Page.of(
        households.page(communityId, buildingId, page),
        page,
        households.count(communityId, buildingId));
  }

  public Household get(UUID id) {
    return households
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Household", id));
  }

  public List<Member> membersOf(UUID householdId) {
    return members.search(
        MemberQuery.inHousehold(householdId), MemberRules.today(), 0, Integer.MAX_VALUE);
  }
}
