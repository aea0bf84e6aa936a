package org.civic.eventing.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.eventing.CloudEventHeaders;
import org.civic.eventing.EventEnvelope;
import org.civic.eventing.EventTracing;
import org.civic.eventing.EventingConfig;
import org.civic.eventing.EventingMetrics;
import org.civic.eventing.PoisonEventException;
import org.civic.eventing.TraceContext;
import org.civic.eventing.inbox.FailurePolicy.Next;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Applies incoming events exactly once in effect. Each event's id is recorded in the same
 * transaction as the handler's changes; a redelivered event finds its id and changes nothing.
 *
 * <p>Batches (ADR 0008): a channel hands over what one poll returned, and the whole batch is
 * applied in <em>one</em> transaction, in record order (so per key, in partition order): the
 * batch's inbox rows in one statement, then the handler's changes per new event, one commit for
 * all. If that transaction fails, it is rolled back and the batch is applied again one event per
 * transaction, which isolates the culprit and keeps every other guarantee of the one-by-one path.
 * Between events the persistence context is flushed and cleared, unless the handler is a {@link
 * BatchHandler}: that one loads the batch's rows up front and keeps them for the whole batch.
 *
 * <p>Failures: a poison event (bad envelope or payload) is dead-lettered at once and the consumer
 * goes on. Other failures are retried a few times, then dead-lettered too; a lost database
 * connection is retried until the database is back, because dead-lettering then would lose the
 * order. Dead letters go to {@code <service>.dlq} through {@link DeadLetters}, before the batch's
 * offsets are committed. Once the service is stopping, a failure dead-letters nothing: the batch is
 * left unacknowledged and is delivered again after the restart ({@link FailurePolicy}).
 */
@ApplicationScoped
public class EventInbox {
  private static final Logger LOG = Logger.getLogger(EventInbox.class);

  private final EntityManager em;
  private final EventingConfig config;
  private final EventingMetrics metrics;
  private final ObjectMapper mapper;
  private final EventTracing tracing;
  private final DeadLetters deadLetters;

  /** Set at shutdown: the database and producers are closed under a batch in flight. */
  private volatile boolean stopping;

  EventInbox(
      EntityManager em,
      EventingConfig config,
      EventingMetrics metrics,
      ObjectMapper mapper,
      EventTracing tracing,
      DeadLetters deadLetters) {
    this.em = em;
    this.config = config;
    this.metrics = metrics;
    this.tracing = tracing;
    this.deadLetters = deadLetters;
    this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  void stopping(@Observes ShutdownEvent shutdown) {
    stopping = true;
  }

  /** A record whose envelope and payload could be read. */
  private record Received(ConsumerRecord<String, String> record, IncomingEvent event) {
    String topic() {
      return record.topic();
    }

    EventEnvelope envelope() {
      return event.envelope();
    }
  }

  /**
   * Applies the records of one poll; call it from a blocking {@code @Incoming} method of a channel
   * with {@code batch=true} and a {@code ConsumerRecords<String, String>} (or list) parameter. It
   * returns when every record is applied, found to be a repeat, or dead-lettered, so the channel
   * may commit the batch's offsets. Each event is applied in a CONSUMER span continuing its {@code
   * ce_traceparent}, and events it publishes continue the same trace.
   */
  public void processBatch(Iterable<ConsumerRecord<String, String>> records, EventHandler handler) {
    List<Received> batch = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      try {
        EventEnvelope envelope = CloudEventHeaders.read(record.headers());
        batch.add(new Received(record, IncomingEvent.parse(envelope, record.value(), mapper)));
      } catch (PoisonEventException e) {
        if (stopping) {
          throw leftForRedelivery(record, e);
        }
        deadLetter(record, e);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    if (batch.size() > 1 && applyTogether(batch, handler)) {
      return;
    }
    for (Received received : batch) {
      applyAlone(received, handler);
    }
  }

  /**
   * Each service reads each topic in a group of its own, {@code <service>.<topic>} (set per channel
   * in application.properties): two channels in one group rebalance each other, which kept a
   * restarted consumer unassigned for minutes. The inbox stays per service, so a topic read by two
   * groups is still applied once.
   */
  public String consumerGroup(String topic) {
    return config.producer() + "." + topic;
  }

  /**
   * The batch in one transaction. A lost connection is retried (the batch as a whole, in order);
   * any other failure rolls it back and returns false, and the caller applies the events one by
   * one.
   */
  private boolean applyTogether(List<Received> batch, EventHandler handler) {
    Duration backoff = config.inbox().retryBackoff();
    while (true) {
      List<Span> spans = new ArrayList<>(batch.size());
      try {
        int applied = QuarkusTransaction.requiringNew().call(() -> applyAll(batch, handler, spans));
        spans.forEach(Span::end);
        metrics.processed(applied);
        metrics.duplicates(batch.size() - applied);
        return true;
      } catch (Exception e) {
        for (Span span : spans) {
          EventTracing.failed(span, e);
          span.end();
        }
        if (stopping) {
          throw leftForRedelivery(batch.get(0).record(), e);
        }
        if (!FailurePolicy.isConnectionLoss(e)) {
          LOG.infof(
              "A batch of %d events failed (%s); applying them one at a time",
              batch.size(), rootMessage(e));
          return false;
        }
        LOG.warnf(
            "A batch of %d events lost the database (%s); retrying", batch.size(), rootMessage(e));
        sleep(backoff);
        backoff = next(backoff);
      }
    }
  }

  private int applyAll(List<Received> batch, EventHandler handler, List<Span> spans)
      throws Exception {
    Set<UUID> fresh = recordAll(batch);
    BatchHandler prefetching = handler instanceof BatchHandler b ? b : null;
    if (prefetching != null) {
      prefetching.prefetch(freshEvents(batch, fresh));
    }
    int applied = 0;
    for (Received received : batch) {
      Span span =
          tracing.startProcess(
              received.topic(), consumerGroup(received.topic()), received.envelope());
      spans.add(span);
      // A repeat (applied before, or earlier in this batch) changes nothing.
      if (!fresh.remove(received.envelope().eventId())) {
        continue;
      }
      try (Scope ignored = span.makeCurrent()) {
        String traceparent = EventTracing.traceparentOf(span, received.envelope().traceparent());
        TraceContext.with(
            traceparent,
            () -> {
              handler.handle(received.event());
              return null;
            });
        applied++;
      }
      if (prefetching == null) {
        // Each event starts from the database as the one-by-one path would see it, and the
        // persistence context stays small however big the batch.
        em.flush();
        em.clear();
      }
    }
    if (prefetching != null) {
      prefetching.finishBatch();
    }
    // A batch handler's rows, written in JDBC batches; a failure here still falls back to one
    // event per transaction.
    em.flush();
    return applied;
  }

  /** The batch's events that are new to the inbox, in record order, each once. */
  private static List<IncomingEvent> freshEvents(List<Received> batch, Set<UUID> fresh) {
    Set<UUID> pending = new HashSet<>(fresh);
    List<IncomingEvent> events = new ArrayList<>(fresh.size());
    for (Received received : batch) {
      if (pending.remove(received.envelope().eventId())) {
        events.add(received.event());
      }
    }
    return events;
  }

  /**
   * Records the batch's event ids in the inbox with one statement (a round trip per batch, not per
   * event) and returns the ids that were new. The rows are only visible to other transactions once
   * the batch commits, with the handlers' changes; a concurrent consumer inserting the same id
   * waits for that commit, then finds it.
   */
  private Set<UUID> recordAll(List<Received> batch) {
    Map<UUID, String> types = new LinkedHashMap<>();
    for (Received received : batch) {
      types.putIfAbsent(received.envelope().eventId(), received.event().type());
    }
    Set<UUID> fresh = new HashSet<>();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                insert.setString(1, config.producer());
                insert.setArray(2, connection.createArrayOf("uuid", types.keySet().toArray()));
                insert.setArray(3, connection.createArrayOf("varchar", types.values().toArray()));
                try (ResultSet rs = insert.executeQuery()) {
                  while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                  }
                }
              }
            });
    return fresh;
  }

  private static final String INSERT_ALL =
      "insert into eventing_inbox (consumer, event_id, event_type)"
          + " select ?, e.id, e.type from unnest(?::uuid[], ?::varchar[]) as e(id, type)"
          + " on conflict do nothing returning event_id";

  /** One event in its own transaction, with retries; dead-letters it when it cannot be applied. */
  private void applyAlone(Received received, EventHandler handler) {
    Span span =
        tracing.startProcess(
            received.topic(), consumerGroup(received.topic()), received.envelope());
    try (Scope ignored = span.makeCurrent()) {
      String traceparent = EventTracing.traceparentOf(span, received.envelope().traceparent());
      IncomingEvent event = received.event();
      int attempt = 0;
      Duration backoff = config.inbox().retryBackoff();
      while (true) {
        try {
          boolean applied =
              TraceContext.with(
                  traceparent,
                  () -> QuarkusTransaction.requiringNew().call(() -> applyOnce(event, handler)));
          if (applied) {
            metrics.processed(1);
          } else {
            metrics.duplicates(1);
          }
          return;
        } catch (Exception e) {
          attempt++;
          Next next =
              FailurePolicy.afterFailure(e, attempt, config.inbox().maxAttempts(), stopping);
          if (next != Next.RETRY) {
            EventTracing.failed(span, e);
          }
          if (next == Next.LEAVE_FOR_REDELIVERY) {
            throw leftForRedelivery(received.record(), e);
          }
          if (next == Next.DEAD_LETTER) {
            deadLetter(received.record(), e);
            return;
          }
          LOG.warnf(
              "Event %s (%s) failed (attempt %d): %s; retrying",
              event.envelope().eventId(), event.type(), attempt, e.getMessage());
          sleep(backoff);
          backoff = next(backoff);
        }
      }
    } finally {
      span.end();
    }
  }

  private boolean applyOnce(IncomingEvent event, EventHandler handler) {
    int inserted =
        em.createNativeQuery(
                "insert into eventing_inbox (consumer, event_id, event_type) values (:c, :id, :t)"
                    + " on conflict do nothing")
            .setParameter("c", config.producer())
            .setParameter("id", event.envelope().eventId())
            .setParameter("t", event.type())
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    handler.handle(event);
    return true;
  }

  /** Deletes inbox entries past their retention; redeliveries older than that are not expected. */
  public int deleteProcessedOlderThan(Duration retention) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createNativeQuery("delete from eventing_inbox where processed_at < :cutoff")
                    .setParameter("cutoff", OffsetDateTime.now().minus(retention))
                    .executeUpdate());
  }

  private void deadLetter(ConsumerRecord<String, String> record, Exception cause) {
    LOG.errorf(
        "Dead-lettering record %s-%d@%d: %s",
        record.topic(), record.partition(), record.offset(), cause.getMessage());
    deadLetters.send(record, cause);
    metrics.deadLettered();
  }

  /**
   * Thrown out of {@link #processBatch} while the service stops: the channel does not acknowledge
   * the batch, so its offsets stay uncommitted and the events come again after the restart (the
   * inbox skips those already applied).
   */
  private static IllegalStateException leftForRedelivery(
      ConsumerRecord<String, String> record, Exception cause) {
    LOG.infof(
        "The service is stopping: record %s-%d@%d and the rest of its batch are left for"
            + " redelivery (%s)",
        record.topic(), record.partition(), record.offset(), rootMessage(cause));
    return new IllegalStateException("stopping: batch left for redelivery", cause);
  }

  private static Duration next(Duration backoff) {
    return backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
        ? Duration.ofSeconds(10)
        : backoff.multipliedBy(2);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying an event", e);
    }
  }
}
