package org.civic.eventing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.civic.eventing.outbox.Outbox;

/** A minimal service of the test application: a state change plus its event, in one transaction. */
@ApplicationScoped
public class TestCounters {
  public record CounterChanged(String counterId, long value) {}

  private final EntityManager em;
  private final Outbox outbox;

  TestCounters(EntityManager em, Outbox outbox) {
    this.em = em;
    this.outbox = outbox;
  }

  @Transactional
  public void set(String id, long value) {
    long version =
        ((Number)
                em.createNativeQuery(
                        "insert into test_counter (id, value, version) values (:id, :v, 1)"
                            + " on conflict (id) do update set value = :v,"
                            + " version = test_counter.version + 1 returning version")
                    .setParameter("id", id)
                    .setParameter("v", value)
                    .getSingleResult())
            .longValue();
    outbox.publish("Counter", id, version, "CounterChanged", new CounterChanged(id, value));
  }

  /**
   * Changes state and publishes, then counts, through the entity manager, the outbox rows of the
   * counter that this transaction sees: the outbox writes on the transaction's own connection.
   */
  @Transactional
  public long setAndCountOutboxRowsSeenInTheTransaction(String id, long value) {
    set(id, value);
    return ((Number)
            em.createNativeQuery("select count(*) from eventing_outbox where aggregate_id = :id")
                .setParameter("id", id)
                .getSingleResult())
        .longValue();
  }

  /** Changes state and publishes, then fails: neither the change nor the event may survive. */
  @Transactional
  public void setThenFail(String id, long value) {
    set(id, value);
    throw new IllegalStateException("deliberate failure after publishing");
  }
}
