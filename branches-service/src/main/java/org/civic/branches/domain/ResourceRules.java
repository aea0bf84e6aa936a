package org.civic.branches.domain;

import java.math.BigDecimal;
import org.civic.domain.RuleViolation;

/**
 * Completeness score (0-100) of a branch's support resources. Weights: activity room 15, room of at
 * least 30 m² another 5; yearly funding 15; each of the three plaques and the board 8 (32);
 * bookcase, ledger and record book 6 each (18); at least one subscription 15.
 */
public final class ResourceRules {
  /** The brief's community room was "under 30 m²": at least this much counts as adequate. */
  public static final BigDecimal ADEQUATE_ROOM_M2 = new BigDecimal("30");

  private ResourceRules() {}

  public static int score(BranchResources r) {
    int score = 0;
    if (r.activityRoom) {
      score += 15;
      if (r.roomAreaM2 != null && r.roomAreaM2.compareTo(ADEQUATE_ROOM_M2) >= 0) {
        score += 5;
      }
    }
    if (r.yearlyFundingYuan != null && r.yearlyFundingYuan.signum() > 0) {
      score += 15;
    }
    score += 8 * count(r.branchPlaque, r.partyMemberHomePlaque, r.sign, r.workSystemsBoard);
    score += 6 * count(r.bookcase, r.ledger, r.recordBook);
    if (r.subscriptions != null && !r.subscriptions.isBlank()) {
      score += 15;
    }
    return score;
  }

  /** A room area only makes sense with a room. */
  public static void check(boolean activityRoom, BigDecimal roomAreaM2) {
    if (!activityRoom && roomAreaM2 != null && roomAreaM2.signum() > 0) {
      throw new RuleViolation("roomAreaM2", "A room area needs activityRoom = true");
    }
  }

  private static int count(boolean... flags) {
    int n = 0;
    for (boolean f : flags) {
      if (f) {
        n++;
      }
    }
    return n;
  }
}
