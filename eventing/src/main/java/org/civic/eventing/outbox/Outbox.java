package org.civic.eventing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic.eventing.EventEnvelope;
import org.civic.eventing.EventingConfig;
import org.civic.eventing.TraceContext;

/**
 * The only way a service publishes an event: the event is written to the outbox table in the
 * caller's transaction, so it exists if and only if the state change it describes commits.
 */
@ApplicationScoped
public class Outbox {
  private final EntityManager em;
  private final ObjectMapper mapper;
  private final EventingConfig config;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;
  private final Clock clock = Clock.systemUTC();

  Outbox(
      EntityManager em,
      ObjectMapper mapper,
      EventingConfig config,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay) {
    this.em = em;
    this.mapper = mapper;
    this.config = config;
    this.transactions = transactions;
    this.relay = relay;
  }

  /**
   * Records an event for publication once the current transaction commits.
   *
   * @param aggregateType e.g. "Member"
   * @param aggregateId the Kafka key: all events of one aggregate keep their order
   * @param aggregateVersion the aggregate's version after the change, so consumers can ignore stale
   *     and repeated events
   * @param type the event type, e.g. "MemberRelocated"
   * @param data the payload: a snapshot record, serialised as JSON; never sensitive fields
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public EventEnvelope publish(
      String aggregateType, Object aggregateId, long aggregateVersion, String type, Object data) {
    EventEnvelope envelope =
        new EventEnvelope(
            UUID.randomUUID(),
            type,
            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
            aggregateType,
            aggregateId.toString(),
            aggregateVersion,
            config.producer(),
            TraceContext.currentOrNew());
    OutboxRecord row = new OutboxRecord();
    row.eventId = envelope.eventId();
    row.topic = config.topic();
    row.eventType = envelope.type();
    row.aggregateType = envelope.aggregateType();
    row.aggregateId = envelope.aggregateId();
    row.aggregateVersion = envelope.aggregateVersion();
    row.occurredAt = envelope.occurredAt();
    row.producer = envelope.producer();
    row.traceparent = envelope.traceparent();
    row.payload = toJson(data);
    row.createdAt = envelope.occurredAt();
    em.persist(row);
    transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
    return envelope;
  }

  private String toJson(Object data) {
    try {
      return mapper.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event payload is not serialisable as JSON", e);
    }
  }

  /** Wakes the relay after commit, so an event leaves within milliseconds, not a poll later. */
  private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        relay.wake();
      }
    }
  }
}
