package org.civic.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.eventing.outbox.Outbox;
import org.civic.members.domain.Address;
import org.civic.members.domain.FamilyMember;
import org.civic.members.domain.Household;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberDetails;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.ResidenceChange;
import org.civic.members.domain.ResidentIdNumber;
import org.civic.members.domain.SensitiveProfile;
import org.civic.members.domain.StatusChange;
import org.civic.members.events.MemberRegistered;
import org.civic.members.events.MemberRelocated;
import org.civic.members.events.MemberStatusChanged;
import org.civic.members.events.MemberUpdated;
import org.civic.members.persistence.HouseholdRepository;
import org.civic.members.persistence.HouseholdRepository.InBuilding;
import org.civic.members.persistence.KnownBuildingRepository;
import org.civic.members.persistence.ListedMember;
import org.civic.members.persistence.MemberQuery;
import org.civic.members.persistence.MemberRepository;
import org.civic.members.persistence.ResidenceChangeRepository;
import org.civic.members.persistence.SensitiveProfileRepository;
import org.civic.members.persistence.StatusChangeRepository;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AccessDenied;
import org.civic.web.security.AuditLog;
import org.civic.web.security.CurrentCaller;
import org.civic.web.security.Scope;

/** Use cases of the member register; each public method is one transaction. */
@ApplicationScoped
@Transactional
public class MemberService {
  public static final String AGGREGATE = "Member";

  /** Audit log resource type of sensitive-profile reads. */
  public static final String SENSITIVE_PROFILE = "SensitiveProfile";

  private final MemberRepository members;
  private final HouseholdRepository households;
  private final KnownBuildingRepository buildings;
  private final StatusChangeRepository statusChanges;
  private final ResidenceChangeRepository residenceChanges;
  private final SensitiveProfileRepository profiles;
  private final Outbox outbox;
  private final EntityManager em;
  private final CurrentCaller callers;
  private final IdNumberCipher idNumbers;
  private final AuditLog audit;

  MemberService(
      MemberRepository members,
      HouseholdRepository households,
      KnownBuildingRepository buildings,
      StatusChangeRepository statusChanges,
      ResidenceChangeRepository residenceChanges,
      SensitiveProfileRepository profiles,
      Outbox outbox,
      EntityManager em,
      CurrentCaller callers,
      IdNumberCipher idNumbers,
      AuditLog audit) {
    this.members = members;
    this.households = households;
    this.buildings = buildings;
    this.statusChanges = statusChanges;
    this.residenceChanges = residenceChanges;
    this.profiles = profiles;
    this.outbox = outbox;
    this.em = em;
    this.callers = callers;
    this.idNumbers = idNumbers;
    this.audit = audit;
  }

  /**
   * Registers an ACTIVE member at an address; creates the household if the address has none. The
   * building must be in the caller's scope (403).
   */
  public Member register(MemberDetails details, Address address) {
    LocalDate today = MemberRules.today();
    MemberRules.require(details, today);
    InBuilding at = householdInKnownBuilding(address, "buildingId");
    // Refused after the household was written: the rollback takes it back.
    requireBuildingInScope(at.buildingCommunityId());
    Household household = at.household();
    UUID communityId = at.buildingCommunityId();
    Member member = new Member(details, communityId, household, MemberStatus.ACTIVE, today);
    // Plain JDBC, three round trips in all (the building with the household, these inserts, the
    // outbox row) and no Hibernate session: the member, its first status row and its specialties in
    // one round trip.
    members.insertNew(
        member, new StatusChange(member, null, MemberStatus.ACTIVE, today, "registered (登记)"));
    // Not managed, so nothing to flush: the event carries the new member's version, 0.
    outbox.publish(
        AGGREGATE, member.id, member.version, MemberRegistered.TYPE, MemberRegistered.of(member));
    return member;
  }

  /**
   * The member, if the caller may see it; a member outside the caller's scope is a 404 like one
   * that does not exist, so existence does not leak.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Member get(UUID id) {
    return members
        .findVisible(id, callers.scope())
        .orElseThrow(() -> ProblemException.notFound("Member", id));
  }

  /** As {@link #get}, for showing only: the member's columns, no entity. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ListedMember read(UUID id) {
    return members
        .readVisible(id, callers.scope())
        .orElseThrow(() -> ProblemException.notFound("Member", id));
  }

  /** The search within the caller's scope (the total counts only visible members). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ListedMember> search(MemberQuery query, PageRequest page) {
    LocalDate today = MemberRules.today();
    Scope scope = callers.scope();
    MemberRepository.ListedPage listed =
        members.page(query, scope, today, page.offset(), page.size);
    // The total comes with a non-empty page; an empty one (past the end) is counted.
    return Page.of(
        listed.items(),
        page,
        () -> listed.total() >= 0 ? listed.total() : members.count(query, scope, today));
  }

  /** All members matching the query within the caller's scope, sorted by name then id (exports). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ListedMember> all(MemberQuery query) {
    return members.all(query, callers.scope(), MemberRules.today());
  }

  /** Replaces the member's data (not residence or status); no change, no event. */
  public Member update(UUID id, MemberDetails details, String ifMatch, Long version) {
    Member member = get(id);
    Versions.require(member.version, ifMatch, version);
    MemberRules.require(details, MemberRules.today());
    if (member.update(details)) {
      publish(member, MemberUpdated.TYPE, MemberUpdated.of(member));
    }
    return member;
  }

  /** Outcome of a relocation: the member, and whether it moved (false: same address, no-op). */
  public record Relocation(Member member, boolean moved) {}

  /**
   * Moves a member to a new address: household found or created, history kept, MemberRelocated
   * published. The same address changes nothing and publishes nothing.
   *
   * @param version optional: checked when given (If-Match or body)
   */
  public Relocation relocate(
      UUID id, Address to, OffsetDateTime effectiveAt, String ifMatch, Long version) {
    Member member = get(id);
    if (ifMatch != null || version != null) {
      Versions.require(member.version, ifMatch, version);
    }
    if (member.address().equals(to)) {
      member.specialties.size(); // loaded here: the view reads it after the transaction
      return new Relocation(member, false);
    }
    OffsetDateTime when = effectiveAt == null ? OffsetDateTime.now() : effectiveAt;
    if (when.isAfter(OffsetDateTime.now().plusMinutes(5))) {
      throw ProblemException.ruleViolation("effectiveAt", "must not be in the future");
    }
    InBuilding at = householdInKnownBuilding(to, "buildingId");
    // Refused after the household was written: the rollback takes it back.
    UUID communityId = at.buildingCommunityId();
    requireRelocationTarget(member, communityId);
    Household household = at.household();
    ResidenceChange change = new ResidenceChange(member, household, communityId, when);
    member.relocate(household, communityId);
    residenceChanges.persist(change);
    publish(member, MemberRelocated.TYPE, MemberRelocated.of(member, change));
    return new Relocation(member, true);
  }

  /** Changes the status (not to TRANSFERRED_OUT: that comes from a confirmed transfer). */
  public Member changeStatus(
      UUID id,
      MemberStatus status,
      LocalDate effectiveDate,
      String reason,
      String ifMatch,
      Long version) {
    Member member = get(id);
    if (ifMatch != null || version != null) {
      Versions.require(member.version, ifMatch, version);
    }
    applyStatus(member, status, effectiveDate, reason, false);
    return member;
  }

  /** Used by transfers: the same rules, TRANSFERRED_OUT allowed. */
  void applyStatus(
      Member member,
      MemberStatus status,
      LocalDate effectiveDate,
      String reason,
      boolean viaTransfer) {
    LocalDate today = MemberRules.today();
    LocalDate date = effectiveDate == null ? today : effectiveDate;
    MemberStatus previous = member.changeStatus(status, date, viaTransfer, today);
    StatusChange change = new StatusChange(member, previous, status, date, reason);
    statusChanges.persist(change);
    publish(member, MemberStatusChanged.TYPE, MemberStatusChanged.of(member, change));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StatusChange> statusHistory(UUID id) {
    get(id);
    return statusChanges.ofMember(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ResidenceChange> residenceHistory(UUID id) {
    get(id);
    return residenceChanges.ofMember(id);
  }

  /** A sensitive profile as the API shows it: the ID number only masked. */
  public record ProfileRead(SensitiveProfile profile, String idNumberMasked) {}

  /**
   * Reads the sensitive profile: the member themself, or staff whose scope includes the member (404
   * otherwise, as for a member without a profile). Every read is written to the audit log.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ProfileRead sensitiveProfile(UUID memberId) {
    members
        .findOwnRecords(memberId, callers.scope())
        .orElseThrow(() -> ProblemException.notFound("Member", memberId));
    SensitiveProfile profile =
        profiles
            .findByIdOptional(memberId)
            .orElseThrow(() -> ProblemException.notFound("Sensitive profile of member", memberId));
    ProfileRead read = new ProfileRead(profile, idNumbers.masked(profile.idNumberEncrypted));
    audit.record(
        callers.caller(),
        AuditLog.Action.READ,
        SENSITIVE_PROFILE,
        List.of(memberId),
        "GET /api/v1/members/" + memberId + "/sensitive-profile");
    return read;
  }

  /**
   * Creates or replaces the sensitive profile. Creating needs no version; replacing needs the
   * profile's version (If-Match or body). Publishes nothing: events never carry sensitive data.
   *
   * @param idNumber the resident ID number: null keeps the stored one (the API never shows it, so a
   *     client cannot send it back), blank removes it; stored encrypted with the current key
   */
  public ProfileRead saveSensitiveProfile(
      UUID memberId,
      String health,
      String livingSituation,
      List<FamilyMember> family,
      boolean hardship,
      String hardshipReason,
      String idNumber,
      String ifMatch,
      Long version) {
    String newIdNumber = null;
    if (idNumber != null && !idNumber.isBlank()) {
      newIdNumber = ResidentIdNumber.normalise(idNumber);
      String problem = ResidentIdNumber.problem(newIdNumber);
      if (problem != null) {
        throw ProblemException.invalid("idNumber", problem);
      }
    }
    Member member =
        members
            .findOwnRecords(memberId, callers.scope())
            .orElseThrow(() -> ProblemException.notFound("Member", memberId));
    SensitiveProfile profile = profiles.findById(memberId);
    boolean isNew = profile == null;
    if (isNew) {
      profile = new SensitiveProfile(member);
    } else {
      Versions.require(profile.version, ifMatch, version);
    }
    profile.replace(health, livingSituation, family, hardship, hardshipReason);
    if (idNumber == null) {
      // Kept, and sealed with the current key if an older one sealed it (key rotation).
      profile.idNumberEncrypted = idNumbers.underCurrentKey(profile.idNumberEncrypted);
    } else {
      profile.idNumberEncrypted = newIdNumber == null ? null : idNumbers.encrypt(newIdNumber);
    }
    if (isNew) {
      profiles.persist(profile);
    }
    em.flush();
    return new ProfileRead(profile, idNumbers.masked(profile.idNumberEncrypted));
  }

  /** A write naming a building (of this community) outside the caller's scope is refused (403). */
  void requireBuildingInScope(UUID buildingCommunityId) {
    callers.scope().require(buildingCommunityId, null, null, null);
  }

  /**
   * Where the caller may move a member: a building of their scope; for a branch secretary (whose
   * scope is the branch, not buildings) any building of the member's community.
   */
  private void requireRelocationTarget(Member member, UUID buildingCommunityId) {
    if (callers.scope() instanceof Scope.Branch) {
      if (!buildingCommunityId.equals(member.communityId)) {
        throw new AccessDenied(
            "A branch secretary may move a member only to a building of the member's community");
      }
      return;
    }
    requireBuildingInScope(buildingCommunityId);
  }

  /** The community of a known building; an unknown building is a rule violation of the field. */
  UUID communityOfBuilding(UUID buildingId, String field) {
    return buildings.communityOf(buildingId).orElseThrow(() -> unknownBuilding(buildingId, field));
  }

  /**
   * The household at an address, created if missing, with its building's community, in one round
   * trip (a registration's and a relocation's path); an unknown building is a rule violation of the
   * field, and then nothing was written.
   */
  private InBuilding householdInKnownBuilding(Address address, String field) {
    return households
        .ensureInKnownBuilding(address)
        .orElseThrow(() -> unknownBuilding(address.buildingId(), field));
  }

  private static ProblemException unknownBuilding(UUID buildingId, String field) {
    return ProblemException.ruleViolation(
        field,
        "Building "
            + buildingId
            + " is not a known building: register it in branches-service first"
            + " (members-service learns buildings from BuildingRegistered events)");
  }

  /**
   * Writes the event to the outbox with the member's version after this change: the flush makes
   * Hibernate increment the version first, so a member's events carry strictly increasing versions.
   */
  void publish(Member member, String type, Object payload) {
    em.flush();
    outbox.publish(AGGREGATE, member.id, member.version, type, payload);
  }
}
