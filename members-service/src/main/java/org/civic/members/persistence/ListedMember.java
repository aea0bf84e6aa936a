package org.civic.members.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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
   * The select list of {@link #fromResultSet}, for the {@code member} table aliased {@code p}. The
   * specialties are one array per member (a correlated sub-select: a page stays one statement and
   * one row per member, where a join would repeat the member per tag), ordered by tag, which is
   * also the order the entity's collection has ({@code @OrderBy} on {@link Member#specialties}).
   */
  static final String COLUMNS =
      "p.id, p.name, p.gender, p.birth_date, p.ethnicity, p.phone, p.standing,"
          + " p.joined_on, p.full_member_on, p.category, p.membership_held, p.membership_org,"
          + " p.work_unit, p.position,"
          + " (select array_agg(t.tag order by t.tag) from member_specialty t"
          + " where t.member_id = p.id),"
          + " p.community_id, p.building_id, p.unit, p.room, p.household_id, p.branch_id,"
          + " p.status, p.status_since, p.created_at, p.updated_at, p.version";

  /** How many columns {@link #COLUMNS} has. */
  static final int COLUMN_COUNT = 26;

  /** The current row of a result that selects {@link #COLUMNS} first. */
  static ListedMember fromResultSet(ResultSet r) throws SQLException {
    return new ListedMember(
        r.getObject(1, UUID.class),
        r.getString(2),
        Gender.valueOf(r.getString(3)),
        r.getObject(4, LocalDate.class),
        r.getString(5),
        r.getString(6),
        Standing.valueOf(r.getString(7)),
        r.getObject(8, LocalDate.class),
        r.getObject(9, LocalDate.class),
        Category.valueOf(r.getString(10)),
        MembershipHeld.valueOf(r.getString(11)),
        r.getString(12),
        r.getString(13),
        r.getString(14),
        tags(r.getArray(15)),
        r.getObject(16, UUID.class),
        r.getObject(17, UUID.class),
        r.getString(18),
        r.getString(19),
        r.getObject(20, UUID.class),
        r.getObject(21, UUID.class),
        MemberStatus.valueOf(r.getString(22)),
        r.getObject(23, LocalDate.class),
        r.getObject(24, OffsetDateTime.class),
        r.getObject(25, OffsetDateTime.class),
        r.getLong(26));
  }

  private static List<String> tags(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
