package org.civic.eventing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civic.eventing.EventEnvelope;
import org.civic.eventing.EventTracing;
import org.civic.eventing.EventingConfig;

/**
 * The only way a service publishes an event: the event is written to the outbox table in the
 * caller's transaction, so it exists if and only if the state change it describes commits.
 */
@ApplicationScoped
public class Outbox {
  private static final String INSERT =
      "insert into eventing_outbox (event_id, topic, event_type, aggregate_type, aggregate_id,"
          + " aggregate_version, occurred_at, producer, traceparent, payload, created_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)";

  private final AgroalDataSource dataSource;
  private final ObjectMapper mapper;
  private final EventingConfig config;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;
  private final EventTracing tracing;
  private final Clock clock = Clock.systemUTC();

  Outbox(
      AgroalDataSource dataSource,
      ObjectMapper mapper,
      EventingConfig config,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay,
      EventTracing tracing) {
    this.dataSource = dataSource;
    this.mapper = mapper;
    this.config = config;
    this.transactions = transactions;
    this.relay = relay;
    this.tracing = tracing;
  }

  /** Records one event for publication once the current transaction commits. */
  @Transactional(Transactional.TxType.MANDATORY)
  public EventEnvelope publish(
      String aggregateType, Object aggregateId, long aggregateVersion, String type, Object data) {
    return publishAll(
            List.of(new OutgoingEvent(aggregateType, aggregateId, aggregateVersion, type, data)))
        .get(0);
  }

  /**
   * Records several events in one JDBC batch (bulk imports), in list order, for publication once
   * the current transaction commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<EventEnvelope> publishAll(List<OutgoingEvent> events) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    List<EventEnvelope> envelopes = new ArrayList<>(events.size());
    List<String> payloads = new ArrayList<>(events.size());
    // The request's (or the causing event's) trace, so the consumers continue it.
    String traceparent = tracing.traceparentForNewEvent();
    for (OutgoingEvent event : events) {
      envelopes.add(
          new EventEnvelope(
              UUID.randomUUID(),
              event.type(),
              now,
              event.aggregateType(),
              event.aggregateId().toString(),
              event.aggregateVersion(),
              config.producer(),
              traceparent));
      payloads.add(toJson(event.data()));
    }
    // Plain JDBC on the transaction's connection: the rows need no entity state, and a batch
    // keeps a 10,000-member import to a few round trips. Straight from the pool, which hands a
    // transaction the connection it has enlisted (the one Hibernate uses, if the caller uses it):
    // going through Hibernate's session would open one for a caller that writes without it.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < envelopes.size(); i++) {
        EventEnvelope e = envelopes.get(i);
        insert.setObject(1, e.eventId());
        insert.setString(2, config.topic());
        insert.setString(3, e.type());
        insert.setString(4, e.aggregateType());
        insert.setString(5, e.aggregateId());
        insert.setLong(6, e.aggregateVersion());
        insert.setTimestamp(7, Timestamp.from(e.occurredAt().toInstant()));
        insert.setString(8, e.producer());
        insert.setString(9, e.traceparent());
        insert.setString(10, payloads.get(i));
        insert.setTimestamp(11, Timestamp.from(now.toInstant()));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write to the outbox", e);
    }
    // Once per transaction, however many events it writes (a consumer's batch writes many).
    if (transactions.getResource(WakeRelayOnCommit.class) == null) {
      transactions.putResource(WakeRelayOnCommit.class, Boolean.TRUE);
      transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
    }
    return envelopes;
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
