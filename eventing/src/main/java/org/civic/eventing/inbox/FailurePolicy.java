package org.civic.eventing.inbox;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.civic.eventing.PoisonEventException;

/** What the inbox does with an event that failed to apply (the rules, without the framework). */
final class FailurePolicy {
  enum Next {
    /** Try the event again after a back-off. */
    RETRY,
    /** Move it to the dead-letter topic and go on with the next event. */
    DEAD_LETTER,
    /**
     * Neither apply nor dead-letter it: the batch is not acknowledged, so its offsets are not
     * committed and the event is delivered again when the service is back.
     */
    LEAVE_FOR_REDELIVERY
  }

  private FailurePolicy() {}

  /**
   * @param attempt how many times the event has failed, this time included
   * @param stopping whether the service is shutting down: its database and producers are being
   *     closed under the consumer, so a failure says nothing about the event (dead-lettering it
   *     then would lose it to the service on every restart that catches an event in flight)
   */
  static Next afterFailure(Throwable e, int attempt, int maxAttempts, boolean stopping) {
    if (stopping) {
      return Next.LEAVE_FOR_REDELIVERY;
    }
    if (isPoison(e)) {
      return Next.DEAD_LETTER;
    }
    if (isConnectionLoss(e)) {
      // Retried until the database is back: dead-lettering now would lose the order.
      return Next.RETRY;
    }
    return attempt >= maxAttempts ? Next.DEAD_LETTER : Next.RETRY;
  }

  static boolean isPoison(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PoisonEventException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static boolean isConnectionLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (t instanceof OptimisticLockException) {
        return false;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
