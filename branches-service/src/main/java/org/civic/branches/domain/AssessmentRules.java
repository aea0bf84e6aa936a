package org.civic.branches.domain;

import java.util.UUID;
import org.civic.domain.RuleViolation;

/** Rules of annual assessments and honours. */
public final class AssessmentRules {
  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;

  private AssessmentRules() {}

  public static void checkYear(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new RuleViolation("year", "year must be between " + MIN_YEAR + " and " + MAX_YEAR);
    }
  }

  /** Year-end scoring (0-100) follows the mid-year inspection (年中有检查，年底有考核). */
  public static void checkProgress(String midYearNotes, Integer yearEndScore) {
    if (yearEndScore == null) {
      return;
    }
    if (yearEndScore < 0 || yearEndScore > 100) {
      throw new RuleViolation("yearEndScore", "A year-end score is between 0 and 100");
    }
    if (midYearNotes == null || midYearNotes.isBlank()) {
      throw new RuleViolation(
          "yearEndScore", "Record the mid-year inspection before the year-end score");
    }
  }

  /** Each honour names exactly the kind of recipient it is for. */
  public static void checkRecipient(
      HonourKind kind, UUID branchId, UUID buildingId, UUID memberId) {
    int named =
        (branchId != null ? 1 : 0) + (buildingId != null ? 1 : 0) + (memberId != null ? 1 : 0);
    boolean right =
        switch (kind) {
          case ADVANCED_BUILDING_BRANCH -> branchId != null;
          case CIVILISED_BUILDING -> buildingId != null;
          case OUTSTANDING_MEMBER -> memberId != null;
        };
    if (named != 1 || !right) {
      String field =
          switch (kind) {
            case ADVANCED_BUILDING_BRANCH -> "branchId";
            case CIVILISED_BUILDING -> "buildingId";
            case OUTSTANDING_MEMBER -> "memberId";
          };
      throw new RuleViolation(
          field, kind + " is awarded to exactly one " + field + " and nothing else");
    }
  }
}
