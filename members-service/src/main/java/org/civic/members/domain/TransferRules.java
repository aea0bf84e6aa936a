package org.civic.members.domain;

import java.time.LocalDate;
import org.civic.domain.RuleViolation;

/** The transfer workflow (组织关系转接) as a state machine. */
public final class TransferRules {
  /** Introduction letters are valid for at most three months in practice; allow up to a year. */
  public static final int MAX_VALIDITY_DAYS = 366;

  private TransferRules() {}

  /** A REQUESTED transfer whose letter validity has passed is EXPIRED. */
  public static TransferState effectiveState(
      TransferState stored, LocalDate validUntil, LocalDate today) {
    if (stored == TransferState.REQUESTED && validUntil.isBefore(today)) {
      return TransferState.EXPIRED;
    }
    return stored;
  }

  /** The state after a decision; only an open (REQUESTED, unexpired) transfer can be decided. */
  public static TransferState next(TransferState current, TransferState decision) {
    if (decision != TransferState.CONFIRMED && decision != TransferState.REJECTED) {
      throw new IllegalArgumentException("not a decision: " + decision);
    }
    if (current == TransferState.EXPIRED) {
      throw new RuleViolation(
          "validUntil", "the transfer letter has expired; the sending side must issue a new one");
    }
    if (current != TransferState.REQUESTED) {
      throw new RuleViolation("state", "the transfer is already " + current);
    }
    return decision;
  }

  public static void requireValidLetter(LocalDate validUntil, LocalDate today) {
    if (validUntil.isBefore(today)) {
      throw new RuleViolation("validUntil", "must not be in the past");
    }
    if (validUntil.isAfter(today.plusDays(MAX_VALIDITY_DAYS))) {
      throw new RuleViolation("validUntil", "must be within a year");
    }
  }
}
