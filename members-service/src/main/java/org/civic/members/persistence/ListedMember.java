package org.civic.members.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Category;
import org.civic.members.domain.Gender;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.MembershipHeld;
import org.civic.members.domain.Standing;

/**
 * A member as lists show it: the columns of the member view, read as a projection (no managed
 * entity), or taken from a loaded {@link Member}. Building entities and then views from them was
 * ~20 % of a list page's CPU (session 7 in bench/README.md).
 */
public record ListedMember(
    UUID id,
    String name,
    Gender gender,
    LocalDate birthDate,
    String ethnicity,
    String phone,
    Standing standing,
    LocalDate joinedOn,
    LocalDate fullMemberOn,
    Category category,
    MembershipHeld membershipHeld,
    String membershipOrganisation,
    String workUnit,
    String position,
    List<String> specialties,
    UUID communityId,
    UUID buildingId,
    String unit,
    String room,
    UUID householdId,
    UUID branchId,
    MemberStatus status,
    LocalDate statusSince,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    long version) {

  /** The same rule as {@link Member#lostContactOverSixMonths}. */
  public boolean lostContactOverSixMonths(LocalDate today) {
    return MemberRules.lostContactFor(
        status, statusSince, MemberRules.LOST_CONTACT_FLAG_MONTHS, today);
  }

  public static ListedMember of(Member m) {
    return new ListedMember(
        m.id,
        m.name,
        m.gender,
        m.birthDate,
        m.ethnicity,
        m.phone,
        m.standing,
        m.joinedOn,
        m.fullMemberOn,
        m.category,
        m.membershipHeld,
        m.membershipOrganisation,
        m.workUnit,
        m.position,
        List.copyOf(m.specialties),
        m.communityId,
        m.buildingId,
        m.unit,
        m.room,
        m.householdId,
        m.branchId,
        m.status,
        m.statusSince,
        m.createdAt,
        m.updatedAt,
        m.version);
  }

  /**
   * The select list of {@link #fromRow}, for a member aliased {@code p}. The specialties are one
   * array per member (a correlated sub-select: the page stays one statement and one row per member,
   * where a join would repeat the member per tag), ordered by tag, which is also the order the
   * entity's collection has ({@code @OrderBy} on {@link Member#specialties}).
   */
  static final String SELECT =
      "p.id, p.name, p.gender, p.birthDate, p.ethnicity, p.phone, p.standing, p.joinedOn,"
          + " p.fullMemberOn, p.category, p.membershipHeld, p.membershipOrganisation, p.workUnit,"
          + " p.position,"
          + " (select array_agg(t) within group (order by t) from p.specialties t),"
          + " p.communityId, p.buildingId, p.unit, p.room, p.householdId, p.branchId, p.status,"
          + " p.statusSince, p.createdAt, p.updatedAt, p.version";

  /** How many columns {@link #SELECT} has. */
  static final int COLUMNS = 26;

  static ListedMember fromRow(Object[] r) {
    return new ListedMember(
        (UUID) r[0],
        (String) r[1],
        (Gender) r[2],
        (LocalDate) r[3],
        (String) r[4],
        (String) r[5],
        (Standing) r[6],
        (LocalDate) r[7],
        (LocalDate) r[8],
        (Category) r[9],
        (MembershipHeld) r[10],
        (String) r[11],
        (String) r[12],
        (String) r[13],
        r[14] == null ? List.of() : List.of((String[]) r[14]),
        (UUID) r[15],
        (UUID) r[16],
        (String) r[17],
        (String) r[18],
        (UUID) r[19],
        (UUID) r[20],
        (MemberStatus) r[21],
        (LocalDate) r[22],
        (OffsetDateTime) r[23],
        (OffsetDateTime) r[24],
        (Long) r[25]);
  }
}
