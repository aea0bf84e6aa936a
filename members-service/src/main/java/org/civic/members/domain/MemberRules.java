package org.civic.members.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civic.domain.RuleViolation;

/** The rules of the member register, as plain Java. Dates are Asia/Shanghai calendar dates. */
public final class MemberRules {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Members join the party at 18 or older (《中国共产党章程》 第一条). */
  public static final int MINIMUM_JOINING_AGE = 18;

  /** Six months of lost contact leads to suspension: such members are flagged. */
  public static final int LOST_CONTACT_FLAG_MONTHS = 6;

  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private static final Map<MemberStatus, Set<MemberStatus>> TRANSITIONS =
      Map.of(
          MemberStatus.ACTIVE,
              EnumSet.of(
                  MemberStatus.LOST_CONTACT,
                  MemberStatus.SUSPENDED,
                  MemberStatus.DECEASED,
                  MemberStatus.TRANSFERRED_OUT),
          MemberStatus.LOST_CONTACT,
              EnumSet.of(
                  MemberStatus.ACTIVE,
                  MemberStatus.SUSPENDED,
                  MemberStatus.DECEASED,
                  MemberStatus.TRANSFERRED_OUT),
          MemberStatus.SUSPENDED, EnumSet.of(MemberStatus.ACTIVE, MemberStatus.DECEASED),
          MemberStatus.DECEASED, EnumSet.noneOf(MemberStatus.class),
          MemberStatus.TRANSFERRED_OUT, EnumSet.noneOf(MemberStatus.class));

  private MemberRules() {}

  /** Today's date in Asia/Shanghai. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /** Age in whole years on {@code today}. */
  public static int age(LocalDate birthDate, LocalDate today) {
    return Period.between(birthDate, today).getYears();
  }

  /** Latest birth date of someone at least {@code years} old on {@code today}. */
  public static LocalDate bornOnOrBefore(int years, LocalDate today) {
    return today.minusYears(years);
  }

  /** Earliest birth date of someone at most {@code years} old on {@code today}. */
  public static LocalDate bornAfter(int years, LocalDate today) {
    return today.minusYears(years + 1L);
  }

  /** Checks the member data against the register's rules; returns every violation (empty: fine). */
  public static List<RuleViolation.Violation> check(MemberDetails d, LocalDate today) {
    List<RuleViolation.Violation> out = new ArrayList<>();
    if (d.birthDate() != null) {
      if (d.birthDate().isAfter(today)) {
        out.add(v("birthDate", "must not be in the future"));
      } else if (d.birthDate().isBefore(EARLIEST_BIRTH)) {
        out.add(v("birthDate", "must be 1900-01-01 or later"));
      }
    }
    if (d.joinedOn() != null) {
      if (d.joinedOn().isAfter(today)) {
        out.add(v("joinedOn", "must not be in the future"));
      } else if (d.birthDate() != null
          && d.joinedOn().isBefore(d.birthDate().plusYears(MINIMUM_JOINING_AGE))) {
        out.add(v("joinedOn", "must be on or after the 18th birthday"));
      }
    }
    if (d.standing() == Standing.PROBATIONARY && d.fullMemberOn() != null) {
      out.add(v("fullMemberOn", "a probationary member (预备党员) has no full-membership date"));
    }
    if (d.fullMemberOn() != null) {
      if (d.fullMemberOn().isAfter(today)) {
        out.add(v("fullMemberOn", "must not be in the future"));
      } else if (d.joinedOn() != null && d.fullMemberOn().isBefore(d.joinedOn())) {
        out.add(v("fullMemberOn", "must not be before the joining date"));
      }
    }
    if (d.membershipHeld() == MembershipHeld.EMPLOYER
        && (d.membershipOrganisation() == null || d.membershipOrganisation().isBlank())) {
      out.add(
          v(
              "membershipOrganisation",
              "name the organisation holding the membership when it is held by the employer"));
    }
    return out;
  }

  /** Throws a {@link RuleViolation} listing every broken rule. */
  public static void require(MemberDetails d, LocalDate today) {
    List<RuleViolation.Violation> violations = check(d, today);
    if (!violations.isEmpty()) {
      throw new RuleViolation(violations);
    }
  }

  public static boolean canChange(MemberStatus from, MemberStatus to) {
    return TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
  }

  /**
   * Checks a status change requested directly (not through a transfer): TRANSFERRED_OUT only comes
   * from a confirmed transfer; the effective date may not be in the future or before the current
   * status began.
   */
  public static void requireStatusChange(
      MemberStatus from,
      LocalDate currentSince,
      MemberStatus to,
      LocalDate effectiveDate,
      boolean viaTransfer,
      LocalDate today) {
    if (to == MemberStatus.TRANSFERRED_OUT && !viaTransfer) {
      throw new RuleViolation(
          "status",
          "TRANSFERRED_OUT (组织关系转出) is set by confirming an outgoing transfer"
              + " (/api/v1/transfers), not directly");
    }
    if (from == to) {
      throw new RuleViolation("status", "the member is already " + to);
    }
    if (!canChange(from, to)) {
      throw new RuleViolation("status", "a member who is " + from + " cannot become " + to);
    }
    if (effectiveDate.isAfter(today)) {
      throw new RuleViolation("effectiveDate", "must not be in the future");
    }
    if (currentSince != null && effectiveDate.isBefore(currentSince)) {
      throw new RuleViolation(
          "effectiveDate", "must not be before the current status began (" + currentSince + ")");
    }
  }

  /** Whether a member has been LOST_CONTACT (失联) for at least {@code months} months. */
  public static boolean lostContactFor(
      MemberStatus status, LocalDate since, int months, LocalDate today) {
    return status == MemberStatus.LOST_CONTACT
        && since != null
        && !since.isAfter(lostContactCutoff(months, today));
  }

  /** The latest status date that counts as {@code months} months of lost contact on today. */
  public static LocalDate lostContactCutoff(int months, LocalDate today) {
    return today.minusMonths(months);
  }

  /** Members on a building branch's roster are those the branch must still reach. */
  public static boolean canRelocate(MemberStatus status) {
    return status == MemberStatus.ACTIVE
        || status == MemberStatus.LOST_CONTACT
        || status == MemberStatus.SUSPENDED;
  }

  /** Tags trimmed, lower-cased (latin), de-duplicated, in the given order. */
  public static List<String> normaliseTags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String t : tags) {
      if (t != null && !t.isBlank()) {
        out.add(t.trim().toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }

  private static RuleViolation.Violation v(String field, String message) {
    return new RuleViolation.Violation(field, message);
  }
}
