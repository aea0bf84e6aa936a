package org.civic.members.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.civic.domain.RuleViolation;
import org.hibernate.annotations.BatchSize;

/** A party member living in the community (党员登记). Sensitive details live elsewhere. */
@Entity
@Table(name = "member")
public class Member {
  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Gender gender;

  @Column(name = "birth_date", nullable = false)
  public LocalDate birthDate;

  public String ethnicity;
  public String phone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Standing standing;

  @Column(name = "joined_on")
  public LocalDate joinedOn;

  @Column(name = "full_member_on")
  public LocalDate fullMemberOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Category category;

  @Enumerated(EnumType.STRING)
  @Column(name = "membership_held", nullable = false)
  public MembershipHeld membershipHeld;

  @Column(name = "membership_org")
  public String membershipOrganisation;

  @Column(name = "work_unit")
  public String workUnit;

  public String position;

  // Lists, reads and exports aggregate the specialties in their select (ListedMember); anything
  // else that touches several members' specialties loads them 200 at a time, not 16 (the default).
  // Ordered by tag, as the lists aggregate them, so a member
  // reads the same in a list and as the entity's view (after a write).
  @ElementCollection
  @BatchSize(size = 200)
  @OrderBy
  @CollectionTable(name = "member_specialty", joinColumns = @JoinColumn(name = "member_id"))
  @Column(name = "tag")
  public List<String> specialties = new ArrayList<>();

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  @Column(name = "building_id", nullable = false)
  public UUID buildingId;

  @Column(nullable = false)
  public String unit;

  @Column(nullable = false)
  public String room;

  @Column(name = "household_id", nullable = false)
  public UUID householdId;

  /**
   * The building branch whose roster the member is on (from RosterChanged), or null. Written only
   * by the consumer's own statement ({@code MemberRepository.applyRoster}), which leaves the
   * version alone: an edit of the record must not write back the value it loaded, or a
   * RosterChanged applied while the edit was in flight would be lost.
   */
  @Column(name = "branch_id", updatable = false)
  public UUID branchId;

  /** Version of the last RosterChanged applied, to ignore stale ones (written as the branch is). */
  @Column(name = "roster_version", nullable = false, updatable = false)
  public long rosterVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MemberStatus status;

  @Column(name = "status_since", nullable = false)
  public LocalDate statusSince;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Version public long version;

  protected Member() {}

  /** A new member at a household's address, with the given initial status. */
  public Member(
      MemberDetails details,
      UUID communityId,
      Household household,
      MemberStatus status,
      LocalDate statusSince) {
    this.id = UUID.randomUUID();
    apply(details);
    this.communityId = communityId;
    moveTo(household);
    this.status = status;
    this.statusSince = statusSince;
    this.createdAt = OffsetDateTime.now();
    this.updatedAt = this.createdAt;
  }

  public Address address() {
    return new Address(buildingId, unit, room);
  }

  public MemberDetails details() {
    return new MemberDetails(
        name,
        gender,
        birthDate,
        ethnicity,
        phone,
        standing,
        joinedOn,
        fullMemberOn,
        category,
        membershipHeld,
        membershipOrganisation,
        workUnit,
        position,
        List.copyOf(specialties));
  }

  /** Replaces the editable data; returns whether anything changed. */
  public boolean update(MemberDetails details) {
    MemberDetails normalised = normalise(details);
    if (normalised.equals(details())) {
      return false;
    }
    apply(normalised);
    updatedAt = OffsetDateTime.now();
    return true;
  }

  /**
   * Moves to another household's address. Returns false (and changes nothing) when the address is
   * the current one: relocating to the same address is a no-op.
   */
  public boolean relocate(Household to, UUID newCommunityId) {
    if (to.address().equals(address())) {
      return false;
    }
    if (!MemberRules.canRelocate(status)) {
      throw new RuleViolation("status", "a member who is " + status + " cannot be relocated");
    }
    this.communityId = newCommunityId;
    moveTo(to);
    updatedAt = OffsetDateTime.now();
    return true;
  }

  /** Changes the status after the rules allow it; returns the previous status. */
  public MemberStatus changeStatus(
      MemberStatus to, LocalDate effectiveDate, boolean viaTransfer, LocalDate today) {
    MemberRules.requireStatusChange(status, statusSince, to, effectiveDate, viaTransfer, today);
    MemberStatus previous = status;
    status = to;
    statusSince = effectiveDate;
    updatedAt = OffsetDateTime.now();
    return previous;
  }

  /** Whether lost contact (失联) for six months or more on {@code today}. */
  public boolean lostContactOverSixMonths(LocalDate today) {
    return MemberRules.lostContactFor(
        status, statusSince, MemberRules.LOST_CONTACT_FLAG_MONTHS, today);
  }

  private void moveTo(Household household) {
    this.buildingId = household.buildingId;
    this.unit = household.unit;
    this.room = household.room;
    this.householdId = household.id;
  }

  private void apply(MemberDetails raw) {
    MemberDetails d = normalise(raw);
    this.name = d.name();
    this.gender = d.gender();
    this.birthDate = d.birthDate();
    this.ethnicity = d.ethnicity();
    this.phone = d.phone();
    this.standing = d.standing();
    this.joinedOn = d.joinedOn();
    this.fullMemberOn = d.fullMemberOn();
    this.category = d.category();
    this.membershipHeld = d.membershipHeld();
    this.membershipOrganisation = d.membershipOrganisation();
    this.workUnit = d.workUnit();
    this.position = d.position();
    if (!Objects.equals(specialties, d.specialties())) {
      specialties.clear();
      specialties.addAll(d.specialties());
    }
  }

  static MemberDetails normalise(MemberDetails d) {
    return new MemberDetails(
        d.name() == null ? null : d.name().trim(),
        d.gender(),
        d.birthDate(),
        blankToNull(d.ethnicity()),
        blankToNull(d.phone()),
        d.standing(),
        d.joinedOn(),
        d.fullMemberOn(),
        d.category(),
        d.membershipHeld() == null ? MembershipHeld.COMMUNITY : d.membershipHeld(),
        blankToNull(d.membershipOrganisation()),
        blankToNull(d.workUnit()),
        blankToNull(d.position()),
        MemberRules.normaliseTags(d.specialties()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
