package org.civic.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.civic.members.domain.ArrivingMember;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.Transfer;
import org.civic.members.domain.TransferDirection;
import org.civic.members.domain.TransferState;
import org.civic.members.persistence.TransferRepository;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Scope;

/** The transfer workflow (组织关系转接). */
@ApplicationScoped
@Transactional
public class TransferService {
  private final TransferRepository transfers;
  private final MemberService members;
  private final CurrentCaller callers;

  TransferService(TransferRepository transfers, MemberService members, CurrentCaller callers) {
    this.transfers = transfers;
    this.members = members;
    this.callers = callers;
  }

  /** A member of this community leaves: nothing changes on the member until confirmation. */
  public Transfer requestOut(
      UUID memberId, String letterNumber, LocalDate validUntil, String counterpart, String note) {
    LocalDate today = MemberRules.today();
    Member member = members.get(memberId);
    if (transfers.openFor(memberId, today)) {
      throw ProblemException.conflict(
          "Member " + memberId + " already has an open transfer; decide it first");
    }
    Transfer t = Transfer.out(member, letterNumber, validUntil, counterpart, note, today);
    transfers.persist(t);
    return t;
  }

  /**
   * A member arrives: the data is checked now and registered as ACTIVE on confirmation. Like
   * registering, only for street administrators and community secretaries, into a building of their
   * scope (403 otherwise).
   */
  public Transfer requestIn(
      ArrivingMember arriving,
      String letterNumber,
      LocalDate validUntil,
      String counterpart,
      String note) {
    if (!(callers.scope() instanceof Scope.Communities)) {
      throw new AccessDenied(
          "Only street administrators and community secretaries receive arriving members");
    }
    LocalDate today = MemberRules.today();
    MemberRules.require(arriving.details(), today);
    UUID communityId =
        members.communityOfBuilding(arriving.address().buildingId(), "member.buildingId");
    members.requireBuildingInScope(communityId);
    Transfer t =
        Transfer.in(arriving, communityId, letterNumber, validUntil, counterpart, note, today);
    transfers.persist(t);
    return t;
  }

  /**
   * The receiving side confirmed. OUT: the member becomes TRANSFERRED_OUT (MemberStatusChanged).
   * IN: the member is registered ACTIVE (MemberRegistered).
   */
  public Transfer confirm(UUID id, String ifMatch, Long version) {
    Transfer t = get(id);
    checkVersion(t, ifMatch, version);
    LocalDate today = MemberRules.today();
    t.confirm(today);
    if (t.direction == TransferDirection.OUT) {
      Member member = members.get(t.memberId);
      members.applyStatus(
          member,
          MemberStatus.TRANSFERRED_OUT,
          today,
          "组织关系转出 to " + t.counterpartOrganisation + ", letter " + t.letterNumber,
          true);
    } else {
      Member member = members.register(t.arrivingMember.details(), t.arrivingMember.address());
      t.memberId = member.id;
    }
    return t;
  }

  public Transfer reject(UUID id, String reason, String ifMatch, Long version) {
    Transfer t = get(id);
    checkVersion(t, ifMatch, version);
    t.reject(reason, MemberRules.today());
    return t;
  }

  /** The transfer if the caller may see it (404 otherwise, as for one that does not exist). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Transfer get(UUID id) {
    return transfers
        .findVisible(id, callers.scope())
        .orElseThrow(() -> ProblemException.notFound("Transfer", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Transfer> list(
      UUID communityId,
      UUID memberId,
      TransferDirection direction,
      TransferState state,
      PageRequest page) {
    LocalDate today = MemberRules.today();
    Scope scope = callers.scope();
    return Page.of(
        transfers.search(
            scope, communityId, memberId, direction, state, today, page.offset(), page.size),
        page,
        () -> transfers.count(scope, communityId, memberId, direction, state, today));
  }

  private static void checkVersion(Transfer t, String ifMatch, Long version) {
    if (ifMatch != null || version != null) {
      Versions.require(t.version, ifMatch, version);
    }
  }
}
