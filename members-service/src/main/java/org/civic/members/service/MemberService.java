package org.civic.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.eventing.outbox.Outbox;
import org.civic.members.domain.Address;
import org.civic.members.domain.FamilyMember;
import org.civic.members.domain.Household;
import org.civic.members.domain.KnownBuilding;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberDetails;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.ResidenceChange;
import org.civic.members.domain.SensitiveProfile;
import org.civic.members.domain.StatusChange;
import org.civic.members.events.MemberRegistered;
import org.civic.members.events.MemberRelocated;
import org.civic.members.events.MemberStatusChanged;
import org.civic.members.events.MemberUpdated;
import org.civic.members.persistence.HouseholdRepository;
import org.civic.members.persistence.KnownBuildingRepository;
import org.civic.members.persistence.MemberQuery;
import org.civic.members.persistence.MemberRepository;
import org.civic.members.persistence.ResidenceChangeRepository;
import org.civic.members.persistence.SensitiveProfileRepository;
import org.civic.members.persistence.StatusChangeRepository;
import org.civic.web.locking.Versions;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.civic.web.problem.ProblemException;

/** Use cases of the member register; each public method is one transaction. */
@ApplicationScoped
@Transactional
public class MemberService {
  public static final String AGGREGATE = "Member";

  private final MemberRepository members;
  private final HouseholdRepository households;
  private final KnownBuildingRepository buildings;
  private final StatusChangeRepository statusChanges;
  private final ResidenceChangeRepository residenceChanges;
  private final SensitiveProfileRepository profiles;
  private final Outbox outbox;
  private final EntityManager em;

  MemberService(
      MemberRepository members,
      HouseholdRepository households,
      KnownBuildingRepository buildings,
      StatusChangeRepository statusChanges,
      ResidenceChangeRepository residenceChanges,
      SensitiveProfileRepository profiles,
      Outbox outbox,
      EntityManager em) {
    this.members = members;
    this.households = households;
    this.buildings = buildings;
    this.statusChanges = statusChanges;
    this.residenceChanges = residenceChanges;
    this.profiles = profiles;
    this.outbox = outbox;
    this.em = em;
  }

  /** Registers an ACTIVE member at an address; creates the household if the address has none. */
  public Member register(MemberDetails details, Address address) {
    LocalDate today = MemberRules.today();
    MemberRules.require(details, today);
    KnownBuilding building = knownBuilding(address.buildingId(), "buildingId");
    Household household = householdAt(address, building);
    Member member =
        new Member(details, building.communityId, household, MemberStatus.ACTIVE, today);
    members.persist(member);
    statusChanges.persist(
        new StatusChange(member, null, MemberStatus.ACTIVE, today, "registered (登记)"));
    publish(member, MemberRegistered.TYPE, MemberRegistered.of(member));
    return member;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Member get(UUID id) {
    return members.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Member", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Member> search(MemberQuery query, PageRequest page) {
    LocalDate today = MemberRules.today();
    return Page.of(
        members.search(query, today, page.offset(), page.size), page, members.count(query, today));
  }

  /** All members matching the query, sorted by name then id (for exports). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Member> all(MemberQuery query) {
    return members.search(query, MemberRules.today(), 0, Integer.MAX_VALUE);
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
    KnownBuilding building = knownBuilding(to.buildingId(), "buildingId");
    OffsetDateTime when = effectiveAt == null ? OffsetDateTime.now() : effectiveAt;
    if (when.isAfter(OffsetDateTime.now().plusMinutes(5))) {
      throw ProblemException.ruleViolation("effectiveAt", "must not be in the future");
    }
    Household household = householdAt(to, building);
    ResidenceChange change = new ResidenceChange(member, household, building.communityId, when);
    member.relocate(household, building.communityId);
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

  @Transactional(Transactional.TxType.SUPPORTS)
  public SensitiveProfile sensitiveProfile(UUID memberId) {
    get(memberId);
    return profiles
        .findByIdOptional(memberId)
        .orElseThrow(() -> ProblemException.notFound("Sensitive profile of member", memberId));
  }

  /**
   * Creates or replaces the sensitive profile. Creating needs no version; replacing needs the
   * profile's version (If-Match or body). Publishes nothing: events never carry sensitive data.
   */
  public SensitiveProfile saveSensitiveProfile(
      UUID memberId,
      String health,
      String livingSituation,
      List<FamilyMember> family,
      boolean hardship,
      String hardshipReason,
      String ifMatch,
      Long version) {
    Member member = get(memberId);
    SensitiveProfile profile = profiles.findById(memberId);
    boolean isNew = profile == null;
    if (isNew) {
      profile = new SensitiveProfile(member);
    } else {
      Versions.require(profile.version, ifMatch, version);
    }
    profile.replace(health, livingSituation, family, hardship, hardshipReason);
    if (isNew) {
      profiles.persist(profile);
    }
    em.flush();
    return profile;
  }

  KnownBuilding knownBuilding(UUID buildingId, String field) {
    return buildings
        .findByIdOptional(buildingId)
        .orElseThrow(
            () ->
                ProblemException.ruleViolation(
                    field,
                    "Building "
                        + buildingId
                        + " is not a known building: register it in branches-service first"
                        + " (members-service learns buildings from BuildingRegistered events)"));
  }

  Household householdAt(Address address, KnownBuilding building) {
    return households
        .ensure(List.of(address), Map.of(building.id, building.communityId))
        .get(address);
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
