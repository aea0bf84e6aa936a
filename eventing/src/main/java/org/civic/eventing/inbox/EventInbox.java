package org.civic.eventing.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.eventing.CloudEventHeaders;
import org.civic.eventing.EventEnvelope;
import org.civic.eventing.EventTracing;
import org.civic.eventing.EventingConfig;
import org.civic.eventing.EventingMetrics;
import org.civic.eventing.PoisonEventException;
import org.civic.eventing.TraceContext;
import org.jboss.logging.Logger;

/**
 * Applies incoming events exactly once in effect. Each event's id is recorded in the same
 * transaction as the handler's changes; a redelivered event finds its id and changes nothing.
 *
 * <p>Failures: a poison event (bad envelope or payload) is rethrown at once, so the channel's
 * dead-letter-queue failure strategy moves it aside with the reason and the consumer goes on. Other
 * failures are retried a few times, then dead-lettered too; a lost database connection is retried
 * until the database is back, because dead-lettering then would lose the order.
 */
@ApplicationScoped
public class EventInbox {
  private static final Logger LOG = Logger.getLogger(EventInbox.class);

  private final EntityManager em;
  private final EventingConfig config;
  private final EventingMetrics metrics;
  private final ObjectMapper mapper;
  private final EventTracing tracing;

  EventInbox(
      EntityManager em,
      EventingConfig config,
      EventingMetrics metrics,
      ObjectMapper mapper,
      EventTracing tracing) {
    this.em = em;
    this.config = config;
    this.metrics = metrics;
    this.tracing = tracing;
    this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Applies a record from a Kafka channel; call it from a blocking {@code @Incoming} method. The
   * work runs in a CONSUMER span continuing the event's {@code ce_traceparent}, and events it
   * publishes continue the same trace.
   */
  public void process(ConsumerRecord<String, String> record, EventHandler handler) {
    EventEnvelope envelope;
    try {
      envelope = CloudEventHeaders.read(record.headers());
    } catch (PoisonEventException e) {
      throw deadLetter(record, e);
    }
    Span span = tracing.startProcess(record.topic(), consumerGroup(record.topic()), envelope);
    try (Scope ignored = span.makeCurrent()) {
      apply(record, envelope, EventTracing.traceparentOf(span, envelope.traceparent()), handler);
    } catch (RuntimeException e) {
      EventTracing.failed(span, e);
      throw e;
    } finally {
      span.end();
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

  private void apply(
      ConsumerRecord<String, String> record,
      EventEnvelope envelope,
      String traceparent,
      EventHandler handler) {
    IncomingEvent event;
    try {
      event = IncomingEvent.parse(envelope, record.value(), mapper);
    } catch (PoisonEventException e) {
      throw deadLetter(record, e);
    }
    int attempt = 0;
    Duration backoff = config.inbox().retryBackoff();
    while (true) {
      try {
        boolean applied =
            TraceContext.with(
                traceparent,
                () -> QuarkusTransaction.requiringNew().call(() -> applyOnce(event, handler)));
        if (applied) {
          metrics.processed();
        } else {
          metrics.duplicate();
        }
        return;
      } catch (Exception e) {
        attempt++;
        boolean connectionLost = isConnectionLoss(e);
        if (isPoison(e) || (!connectionLost && attempt >= config.inbox().maxAttempts())) {
          throw deadLetter(record, e);
        }
        LOG.warnf(
            "Event %s (%s) failed (attempt %d): %s; retrying",
            event.envelope().eventId(), event.type(), attempt, e.getMessage());
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10)
                : backoff.multipliedBy(2);
      }
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

  private RuntimeException deadLetter(ConsumerRecord<String, String> record, Exception cause) {
    metrics.deadLettered();
    LOG.errorf(
        "Dead-lettering record %s-%d@%d: %s",
        record.topic(), record.partition(), record.offset(), cause.getMessage());
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(cause.getMessage(), cause);
  }

  private static boolean isPoison(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PoisonEventException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionLoss(Throwable e) {
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

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying an event", e);
    }
  }
}
