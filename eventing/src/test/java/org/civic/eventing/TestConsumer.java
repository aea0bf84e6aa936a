package org.civic.eventing;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The test application's consumer: records one effect row per applied event. */
@ApplicationScoped
public class TestConsumer {
  private final EventInbox inbox;
  private final EntityManager em;

  TestConsumer(EventInbox inbox, EntityManager em) {
    this.inbox = inbox;
    this.em = em;
  }

  @Incoming("test-events")
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    inbox.processBatch(records, this::apply);
  }

  void apply(IncomingEvent event) {
    TestCounters.CounterChanged data = event.data(TestCounters.CounterChanged.class);
    if (data.counterId() == null) {
      throw new PoisonEventException("counterId is missing");
    }
    em.createNativeQuery(
            "insert into test_effect (event_id, aggregate_id, value) values (:e, :a, :v)")
        .setParameter("e", event.envelope().eventId())
        .setParameter("a", data.counterId())
        .setParameter("v", data.value())
        .executeUpdate();
  }
}
