package org.civic.members.service.sheet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.civic.domain.RuleViolation.Violation;
import org.civic.members.domain.Address;
import org.civic.members.domain.Category;
import org.civic.members.domain.Gender;
import org.civic.members.domain.MemberDetails;
import org.civic.members.domain.MemberLimits;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.MembershipHeld;
import org.civic.members.domain.Standing;
import org.civic.members.persistence.ListedMember;

/**
 * Turns a sheet row into member data, collecting every problem of the row (field names as in the
 * JSON API, prefixed with the row number: "row 7: birthDate").
 */
public final class MemberRowParser {
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT));

  private MemberRowParser() {}

  /** A row read successfully. */
  public record ParsedRow(
      int number,
      MemberDetails details,
      Address address,
      MemberStatus status,
      LocalDate statusSince) {}

  /**
   * Parses one row.
   *
   * @param defaultBuilding the building of rows without a building column value, or null
   * @param errors receives every problem of the row
   * @return the row, or null when it has problems
   */
  public static ParsedRow parse(
      SheetRow row, UUID defaultBuilding, LocalDate today, List<Violation> errors) {
    int before = errors.size();
    Cells c = new Cells(row, errors);
    String name = c.text(MemberColumn.NAME, MemberLimits.NAME, true);
    Gender gender = c.enumeration(MemberColumn.GENDER, Gender.class, g -> g.chinese, true);
    LocalDate birthDate = c.date(MemberColumn.BIRTH_DATE, true);
    String ethnicity = c.text(MemberColumn.ETHNICITY, MemberLimits.ETHNICITY, false);
    String phone = c.text(MemberColumn.PHONE, MemberLimits.PHONE, false);
    Standing standing = c.enumeration(MemberColumn.STANDING, Standing.class, s -> s.chinese, true);
    LocalDate joinedOn = c.date(MemberColumn.JOINED_ON, false);
    LocalDate fullMemberOn = c.date(MemberColumn.FULL_MEMBER_ON, false);
    Category category = c.enumeration(MemberColumn.CATEGORY, Category.class, k -> k.chinese, true);
    MembershipHeld held =
        c.enumeration(MemberColumn.MEMBERSHIP_HELD, MembershipHeld.class, h -> h.chinese, false);
    String organisation =
        c.text(MemberColumn.MEMBERSHIP_ORGANISATION, MemberLimits.ORGANISATION, false);
    String workUnit = c.text(MemberColumn.WORK_UNIT, MemberLimits.WORK_UNIT, false);
    String position = c.text(MemberColumn.POSITION, MemberLimits.POSITION, false);
    List<String> tags = c.tags(MemberColumn.SPECIALTIES);
    UUID building = c.uuid(MemberColumn.BUILDING_ID);
    if (building == null) {
      building = defaultBuilding;
      if (building == null && !c.failed(MemberColumn.BUILDING_ID)) {
        c.error(MemberColumn.BUILDING_ID, "must not be blank (or pass ?buildingId= for the file)");
      }
    }
    String unit = c.text(MemberColumn.UNIT, MemberLimits.UNIT, true);
    String room = c.text(MemberColumn.ROOM, MemberLimits.ROOM, true);
    MemberStatus status =
        c.enumeration(MemberColumn.STATUS, MemberStatus.class, s -> s.chinese, false);
    LocalDate statusSince = c.date(MemberColumn.STATUS_SINCE, false);
    if (statusSince != null && statusSince.isAfter(today)) {
      c.error(MemberColumn.STATUS_SINCE, "must not be in the future");
    }
    MemberDetails details =
        new MemberDetails(
            name,
            gender,
            birthDate,
            ethnicity,
            phone,
            standing,
            joinedOn,
            fullMemberOn,
            category,
            held,
            organisation,
            workUnit,
            position,
            tags);
    for (Violation v : MemberRules.check(details, today)) {
      errors.add(new Violation("row " + row.number() + ": " + v.field(), v.message()));
    }
    if (errors.size() > before) {
      return null;
    }
    return new ParsedRow(
        row.number(),
        details,
        new Address(building, unit, room),
        status == null ? MemberStatus.ACTIVE : status,
        statusSince == null ? today : statusSince);
  }

  /** The sheet values of a member, as the export writes them. */
  public static Map<MemberColumn, String> values(ListedMember m) {
    Map<MemberColumn, String> v = new EnumMap<>(MemberColumn.class);
    v.put(MemberColumn.NAME, m.name());
    v.put(MemberColumn.GENDER, m.gender().name());
    v.put(MemberColumn.BIRTH_DATE, str(m.birthDate()));
    v.put(MemberColumn.ETHNICITY, m.ethnicity());
    v.put(MemberColumn.PHONE, m.phone());
    v.put(MemberColumn.STANDING, m.standing().name());
    v.put(MemberColumn.JOINED_ON, str(m.joinedOn()));
    v.put(MemberColumn.FULL_MEMBER_ON, str(m.fullMemberOn()));
    v.put(MemberColumn.CATEGORY, m.category().name());
    v.put(MemberColumn.MEMBERSHIP_HELD, m.membershipHeld().name());
    v.put(MemberColumn.MEMBERSHIP_ORGANISATION, m.membershipOrganisation());
    v.put(MemberColumn.WORK_UNIT, m.workUnit());
    v.put(MemberColumn.POSITION, m.position());
    v.put(MemberColumn.SPECIALTIES, String.join(";", m.specialties()));
    v.put(MemberColumn.BUILDING_ID, m.buildingId().toString());
    v.put(MemberColumn.UNIT, m.unit());
    v.put(MemberColumn.ROOM, m.room());
    v.put(MemberColumn.STATUS, m.status().name());
    v.put(MemberColumn.STATUS_SINCE, str(m.statusSince()));
    return v;
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }

  /** Reads the cells of one row and records what is wrong with them. */
  private static final class Cells {
    private final SheetRow row;
    private final List<Violation> errors;
    private final List<MemberColumn> failed = new ArrayList<>();

    Cells(SheetRow row, List<Violation> errors) {
      this.row = row;
      this.errors = errors;
    }

    boolean failed(MemberColumn column) {
      return failed.contains(column);
    }

    void error(MemberColumn column, String message) {
      failed.add(column);
      errors.add(new Violation("row " + row.number() + ": " + column.english, message));
    }

    String text(MemberColumn column, int max, boolean required) {
      String v = row.get(column);
      if (v == null) {
        if (required) {
          error(column, "must not be blank");
        }
        return null;
      }
      if (v.length() > max) {
        error(column, "must be at most " + max + " characters");
        return null;
      }
      return v;
    }

    LocalDate date(MemberColumn column, boolean required) {
      String v = row.get(column);
      if (v == null) {
        if (required) {
          error(column, "must not be blank");
        }
        return null;
      }
      for (DateTimeFormatter f : DATES) {
        try {
          return LocalDate.parse(v, f);
        } catch (DateTimeParseException ignored) {
          // try the next accepted layout
        }
      }
      error(column, "'" + v + "' is not a valid date (yyyy-MM-dd)");
      return null;
    }

    UUID uuid(MemberColumn column) {
      String v = row.get(column);
      if (v == null) {
        return null;
      }
      try {
        return UUID.fromString(v);
      } catch (IllegalArgumentException e) {
        error(column, "'" + v + "' is not a building id (UUID)");
        return null;
      }
    }

    <E extends Enum<E>> E enumeration(
        MemberColumn column, Class<E> type, Function<E, String> chinese, boolean required) {
      String v = row.get(column);
      if (v == null) {
        if (required) {
          error(column, "must not be blank");
        }
        return null;
      }
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(v) || chinese.apply(e).equals(v)) {
          return e;
        }
      }
      error(
          column,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(e -> e.name() + " (" + chinese.apply(e) + ")")
                  .toList()
              + ", not '"
              + v
              + "'");
      return null;
    }

    List<String> tags(MemberColumn column) {
      String v = row.get(column);
      if (v == null) {
        return List.of();
      }
      List<String> tags = MemberRules.normaliseTags(Arrays.asList(v.split("[;,，；、|]")));
      if (tags.size() > MemberLimits.TAGS) {
        error(column, "at most " + MemberLimits.TAGS + " tags");
      } else if (tags.stream().anyMatch(t -> t.length() > MemberLimits.TAG)) {
        error(column, "each tag must be at most " + MemberLimits.TAG + " characters");
      }
      return tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }
  }
}
