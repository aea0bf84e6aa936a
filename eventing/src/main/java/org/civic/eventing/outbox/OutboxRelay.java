package org.civic.eventing.outbox;

import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civic.eventing.CloudEventHeaders;
import org.civic.eventing.EventEnvelope;
import org.civic.eventing.EventTracing;
import org.civic.eventing.EventingConfig;
import org.civic.eventing.EventingMetrics;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order and marks them only after the broker acknowledged
 * them. One relay at a time per database (a PostgreSQL advisory lock), so several replicas of a
 * service never publish an aggregate's events out of order. While the broker is down, rows simply
 * wait and the relay retries with back-off: nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  // Any constant works: each service has its own database.
  private static final long RELAY_LOCK_KEY = 0x0B7B0C5L;

  private final EntityManager em;
  private final EventingConfig config;
  private final RelayProducer producerFactory;
  private final EventingMetrics metrics;
  private final EventTracing tracing;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;
  private Producer<String, byte[]> producer;

  OutboxRelay(
      EntityManager em,
      EventingConfig config,
      RelayProducer producerFactory,
      EventingMetrics metrics,
      EventTracing tracing) {
    this.em = em;
    this.config = config;
    this.producerFactory = producerFactory;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  void start(@Observes StartupEvent startup) {
    if (!config.relay().enabled()) {
      LOG.info("Outbox relay disabled (eventing.relay.enabled=false)");
      return;
    }
    producer = producerFactory.create();
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent shutdown) {
    running = false;
    if (thread != null) {
      wakeUp.release();
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** Called after a transaction that wrote outbox rows has committed. */
  public void wake() {
    wakeUp.release();
  }

  private void loop() {
    Duration backoff = config.relay().initialBackoff();
    while (running) {
      try {
        int published = relayBatch();
        backoff = config.relay().initialBackoff();
        if (published < config.relay().batchSize()) {
          // Nothing more right now: sleep until a commit wakes us, or the poll interval passes.
          wakeUp.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        metrics.publishFailed();
        LOG.warnf("Outbox relay: %s; retrying in %s", rootMessage(e), backoff);
        sleep(backoff);
        backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
      }
    }
  }

  /**
   * Publishes the oldest unpublished rows in one transaction that holds the relay lock.
   *
   * @return how many rows were published (0 if another replica holds the lock)
   */
  int relayBatch() {
    BatchResult result =
        QuarkusTransaction.requiringNew()
            .timeout((int) config.relay().sendTimeout().multipliedBy(2).toSeconds() + 5)
            .call(
                () -> {
                  // One round trip for both (every relay round is on an event's path): the
                  // relay lock, and synchronous_commit off for this transaction only, since
                  // losing its commit in a crash only means publishing its rows again, which
                  // consumers drop as duplicates. No need to wait for the WAL flush.
                  Object[] lockAndSetting =
                      (Object[])
                          em.createNativeQuery(
                                  "select pg_try_advisory_xact_lock(:key),"
                                      + " set_config('synchronous_commit', 'off', true)")
                              .setParameter("key", RELAY_LOCK_KEY)
                              .getSingleResult();
                  if (!(Boolean) lockAndSetting[0]) {
                    return BatchResult.NONE;
                  }
                  List<OutboxRecord> rows =
                      em.createQuery(
                              "from OutboxRecord where publishedAt is null order by id",
                              OutboxRecord.class)
                          .setMaxResults(config.relay().batchSize())
                          .getResultList();
                  return rows.isEmpty() ? BatchResult.NONE : sendInOrder(rows);
                });
    // Thrown only now, after the acknowledged rows' marks have committed.
    if (result.failure() != null) {
      throw result.failure();
    }
    return result.published();
  }

  private record BatchResult(int published, RuntimeException failure) {
    static final BatchResult NONE = new BatchResult(0, null);
  }

  /**
   * Sends all rows, then waits for the acknowledgements in order. Rows up to the first failure are
   * marked published; the failed row and everything after it stay for the next attempt, so order
   * per aggregate holds (a later row that did reach the broker is sent again, and the consumers'
   * inbox drops the duplicate).
   */
  private BatchResult sendInOrder(List<OutboxRecord> rows) {
    List<Future<?>> acks = new ArrayList<>(rows.size());
    List<Span> spans = new ArrayList<>(rows.size());
    try {
      for (OutboxRecord row : rows) {
        EventEnvelope envelope = envelopeOf(row);
        // One PRODUCER span per event, child of the request that wrote it; the consumer's span
        // becomes its child through ce_traceparent.
        Span span = tracing.startPublish(row.topic, envelope);
        spans.add(span);
        acks.add(producer.send(toKafkaRecord(row, envelope, span)));
      }
      OffsetDateTime now = OffsetDateTime.now();
      List<Long> acknowledgedIds = new ArrayList<>(rows.size());
      int acknowledged = 0;
      RuntimeException failure = null;
      long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
      for (int i = 0; i < rows.size(); i++) {
        OutboxRecord row = rows.get(i);
        try {
          acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          acknowledgedIds.add(row.id);
          acknowledged++;
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          row.attempts++;
          row.lastError = truncate(rootMessage(e), 1000);
          failure = new IllegalStateException("publishing event " + row.eventId + " failed", e);
          EventTracing.failed(spans.get(i), e);
          break;
        }
      }
      // One statement for the whole batch rather than an entity update per row.
      if (!acknowledgedIds.isEmpty()) {
        em.createNativeQuery(
                "update eventing_outbox set published_at = :now, attempts = attempts + 1"
                    + " where id in (:ids)")
            .setParameter("now", now)
            .setParameter("ids", acknowledgedIds)
            .executeUpdate();
      }
      metrics.published(acknowledged);
      return new BatchResult(acknowledged, failure);
    } catch (RuntimeException e) {
      if (!spans.isEmpty()) {
        EventTracing.failed(spans.get(spans.size() - 1), e);
      }
      throw e;
    } finally {
      spans.forEach(Span::end);
    }
  }

  private static EventEnvelope envelopeOf(OutboxRecord row) {
    return new EventEnvelope(
        row.eventId,
        row.eventType,
        row.occurredAt,
        row.aggregateType,
        row.aggregateId,
        row.aggregateVersion,
        row.producer,
        row.traceparent);
  }

  private static ProducerRecord<String, byte[]> toKafkaRecord(
      OutboxRecord row, EventEnvelope envelope, Span span) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            row.topic, row.aggregateId, row.payload.getBytes(StandardCharsets.UTF_8));
    String traceparent = EventTracing.traceparentOf(span, row.traceparent);
    CloudEventHeaders.write(
        new EventEnvelope(
            envelope.eventId(),
            envelope.type(),
            envelope.occurredAt(),
            envelope.aggregateType(),
            envelope.aggregateId(),
            envelope.aggregateVersion(),
            envelope.producer(),
            traceparent),
        record.headers());
    return record;
  }

  /** Deletes published rows past their retention. */
  public int deletePublishedOlderThan(Duration retention) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                em.createQuery("delete from OutboxRecord where publishedAt < :cutoff")
                    .setParameter("cutoff", OffsetDateTime.now().minus(retention))
                    .executeUpdate());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
