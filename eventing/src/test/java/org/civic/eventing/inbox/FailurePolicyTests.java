package org.civic.eventing.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.eventing.inbox.FailurePolicy.Next.DEAD_LETTER;
import static org.civic.eventing.inbox.FailurePolicy.Next.LEAVE_FOR_REDELIVERY;
import static org.civic.eventing.inbox.FailurePolicy.Next.RETRY;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.civic.eventing.PoisonEventException;
import org.junit.jupiter.api.Test;

class FailurePolicyTests {
  static final int MAX = 3;

  @Test
  void anOrdinaryFailureIsRetriedThenDeadLettered() {
    IllegalStateException e = new IllegalStateException("constraint violated");
    assertThat(FailurePolicy.afterFailure(e, 1, MAX, false)).isEqualTo(RETRY);
    assertThat(FailurePolicy.afterFailure(e, 2, MAX, false)).isEqualTo(RETRY);
    assertThat(FailurePolicy.afterFailure(e, 3, MAX, false)).isEqualTo(DEAD_LETTER);
  }

  @Test
  void aPoisonEventIsDeadLetteredAtOnce() {
    Exception e = new RuntimeException(new PoisonEventException("no ce_id header"));
    assertThat(FailurePolicy.afterFailure(e, 1, MAX, false)).isEqualTo(DEAD_LETTER);
  }

  @Test
  void aLostDatabaseIsRetriedForever() {
    Exception lost =
        new RuntimeException(new SQLTransientConnectionException("pool exhausted", "08001"));
    Exception terminated = new RuntimeException(new SQLException("terminating", "57P01"));
    assertThat(FailurePolicy.afterFailure(lost, 50, MAX, false)).isEqualTo(RETRY);
    assertThat(FailurePolicy.afterFailure(terminated, 50, MAX, false)).isEqualTo(RETRY);
  }

  @Test
  void anOptimisticLockIsNotAConnectionLoss() {
    Exception e = new OptimisticLockException(new SQLException("stale", "08000"));
    assertThat(FailurePolicy.isConnectionLoss(e)).isFalse();
    assertThat(FailurePolicy.afterFailure(e, MAX, MAX, false)).isEqualTo(DEAD_LETTER);
  }

  /**
   * The system tests saw activities-service dead-letter a BuildingRegistered during a graceful stop
   * ("EntityManagerFactory is closed", three attempts): the event was lost to the service.
   */
  @Test
  void whileStoppingNothingIsDeadLetteredNorRetried() {
    IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");
    assertThat(FailurePolicy.afterFailure(closed, MAX, MAX, true)).isEqualTo(LEAVE_FOR_REDELIVERY);
    assertThat(FailurePolicy.afterFailure(new PoisonEventException("bad"), 1, MAX, true))
        .isEqualTo(LEAVE_FOR_REDELIVERY);
    assertThat(
            FailurePolicy.afterFailure(
                new SQLTransientConnectionException("closed", "08003"), 1, MAX, true))
        .isEqualTo(LEAVE_FOR_REDELIVERY);
  }
}
