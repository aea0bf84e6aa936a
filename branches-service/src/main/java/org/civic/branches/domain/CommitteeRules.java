package org.civic.branches.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civic.domain.RuleViolation;

/** Committee size and role rules by branch size, and term lengths (DOMAIN.md). */
public final class CommitteeRules {
  /** From this many full members a branch elects a committee (支部委员会). */
  public static final int COMMITTEE_FROM_FULL_MEMBERS = 7;

  public static final int MIN_COMMITTEE = 3;
  public static final int USUAL_MAX_COMMITTEE = 5;
  public static final int MAX_COMMITTEE = 7;

  private CommitteeRules() {}

  /** A seat as requested: member and role. */
  public record SeatRequest(UUID memberId, SeatRole role) {}

  /**
   * Checks the seats of a new term.
   *
   * @param fullMembers full members on the branch's roster now
   * @param rosterMemberIds the members on the branch's roster now
   * @return warnings that do not stop the election (a committee above 5)
   * @throws RuleViolation naming the broken rule
   */
  public static List<String> checkSeats(
      long fullMembers, Set<UUID> rosterMemberIds, List<SeatRequest> seats) {
    if (seats.isEmpty()) {
      throw new RuleViolation("seats", "A term needs at least a secretary (书记)");
    }
    Set<UUID> holders = new HashSet<>();
    Map<SeatRole, Integer> byRole = new EnumMap<>(SeatRole.class);
    for (SeatRequest seat : seats) {
      if (!rosterMemberIds.contains(seat.memberId())) {
        throw new RuleViolation(
            "seats",
            "Member "
                + seat.memberId()
                + " is not on the branch's roster; only its members hold seats");
      }
      if (!holders.add(seat.memberId())) {
        throw new RuleViolation("seats", "Member " + seat.memberId() + " holds more than one seat");
      }
      byRole.merge(seat.role(), 1, Integer::sum);
    }
    if (byRole.getOrDefault(SeatRole.SECRETARY, 0) != 1) {
      throw new RuleViolation("seats", "A term has exactly one secretary (书记)");
    }
    for (SeatRole single :
        List.of(
            SeatRole.DEPUTY_SECRETARY,
            SeatRole.ORGANISATION,
            SeatRole.PUBLICITY,
            SeatRole.DISCIPLINE)) {
      if (byRole.getOrDefault(single, 0) > 1) {
        throw new RuleViolation("seats", "At most one seat has the role " + single);
      }
    }
    List<String> warnings = new ArrayList<>();
    if (fullMembers >= COMMITTEE_FROM_FULL_MEMBERS) {
      if (seats.size() < MIN_COMMITTEE || seats.size() > MAX_COMMITTEE) {
        throw new RuleViolation(
            "seats",
            "A branch with "
                + fullMembers
                + " full members elects a committee of "
                + MIN_COMMITTEE
                + " to "
                + USUAL_MAX_COMMITTEE
                + " (at most "
                + MAX_COMMITTEE
                + "), not "
                + seats.size());
      }
      if (seats.size() > USUAL_MAX_COMMITTEE) {
        warnings.add(
            "A committee of " + seats.size() + " is above the usual " + USUAL_MAX_COMMITTEE);
      }
    } else {
      for (SeatRequest seat : seats) {
        if (seat.role() != SeatRole.SECRETARY && seat.role() != SeatRole.DEPUTY_SECRETARY) {
          throw new RuleViolation(
              "seats",
              "A branch with fewer than "
                  + COMMITTEE_FROM_FULL_MEMBERS
                  + " full members ("
                  + fullMembers
                  + ") has no committee: only a secretary and optionally a deputy, not "
                  + seat.role());
        }
      }
    }
    return warnings;
  }

  /** Term length in years: community level (社区党委/总支) 5, others 3. */
  public static int termYears(OrgKind kind) {
    return kind == OrgKind.COMMUNITY_COMMITTEE ? 5 : 3;
  }

  /** The end of a term starting on {@code start} when none is given: the day before N years on. */
  public static LocalDate defaultEnd(OrgKind kind, LocalDate start) {
    return start.plusYears(termYears(kind)).minusDays(1);
  }

  /** Checks a term's dates and number against the previous term's number (0 if none). */
  public static void checkTerm(int number, int previousNumber, LocalDate start, LocalDate end) {
    if (number <= previousNumber) {
      throw new RuleViolation(
          "number", "Term number must be above the previous term's " + previousNumber);
    }
    if (!end.isAfter(start)) {
      throw new RuleViolation("endDate", "A term ends after it starts");
    }
  }
}
