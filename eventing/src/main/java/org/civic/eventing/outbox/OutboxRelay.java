package org.civic.eventing.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
  private final AgroalDataSource dataSource;
  private final EventingConfig config;
  private final RelayProducer producerFactory;
  private final EventingMetrics metrics;
  private final EventTracing tracing;
  private final Semaphore wakeUp = new Semaphore(0);
  private final AtomicLong passes = new AtomicLong();
  private volatile boolean running;
  private Thread thread;
  private Producer<String, byte[]> producer;

  OutboxRelay(
      EntityManager em,
      AgroalDataSource dataSource,
      EventingConfig config,
      RelayProducer producerFactory,
      EventingMetrics metrics,
      EventTracing tracing) {
    this.em = em;
    this.dataSource = dataSource;
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

  /**
   * How many passes the relay has begun (each one transaction on one connection): tests that count
   * a request's connections leave these out, since the relay's statements are plain JDBC.
   */
  public long passes() {
    return passes.get();
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
    passes.incrementAndGet();
    BatchResult result =
        QuarkusTransaction.requiringNew()
            .timeout((int) config.relay().sendTimeout().multipliedBy(2).toSeconds() + 5)
            .call(
                () -> {
                  List<OutboxRecord> rows = lockAndRead();
                  return rows.isEmpty() ? BatchResult.NONE : sendInOrder(rows);
                });
    // Thrown only now, after the acknowledged rows' marks have committed.
    if (result.failure() != null) {
      throw result.failure();
    }
    return result.published();
  }

  /**
   * Takes the relay lock and reads the oldest unpublished rows, both in one round trip (every relay
   * pass is on an event's path: this was two). Two statements sent together, not one: in READ
   * COMMITTED each statement has its own snapshot, so the read's snapshot is taken after the lock
   * is held and sees every mark of the replica that held it before; a lock taken inside the read
   * would come after the read's snapshot. The same statement turns {@code synchronous_commit} off
   * for this transaction only: losing its commit in a crash only means publishing its rows again,
   * which consumers drop as duplicates. Plain JDBC on the transaction's connection straight from
   * the pool (no Hibernate session): the rows are read once and never dirty-checked.
   *
   * @return the rows, or none if another replica holds the lock
   */
  private List<OutboxRecord> lockAndRead() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(LOCK_AND_READ)) {
      statement.setLong(1, RELAY_LOCK_KEY);
      statement.setInt(2, config.relay().batchSize());
      statement.execute();
      boolean locked;
      try (ResultSet lock = statement.getResultSet()) {
        locked = lock.next() && lock.getBoolean(1);
      }
      statement.getMoreResults();
      try (ResultSet rs = statement.getResultSet()) {
        List<OutboxRecord> rows = new ArrayList<>();
        while (locked && rs.next()) {
          rows.add(row(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the outbox", e);
    }
  }

  private static final String LOCK_AND_READ =
      "select pg_try_advisory_xact_lock(?), set_config('synchronous_commit', 'off', true);"
          + " select id, event_id, topic, event_type, aggregate_type, aggregate_id, aggregate_version,"
          + " occurred_at, producer, traceparent, payload::text, attempts from eventing_outbox"
          + " where published_at is null order by id limit ?";

  private static OutboxRecord row(ResultSet rs) throws SQLException {
    OutboxRecord row = new OutboxRecord();
    row.id = rs.getLong(1);
    row.eventId = rs.getObject(2, UUID.class);
    row.topic = rs.getString(3);
    row.eventType = rs.getString(4);
    row.aggregateType = rs.getString(5);
    row.aggregateId = rs.getString(6);
    row.aggregateVersion = rs.getLong(7);
    row.occurredAt = rs.getObject(8, OffsetDateTime.class);
    row.producer = rs.getString(9);
    row.traceparent = rs.getString(10);
    row.payload = rs.getString(11);
    row.attempts = rs.getInt(12);
    return row;
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
      RuntimeException failure = null;
      long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
      for (int i = 0; i < rows.size(); i++) {
        OutboxRecord row = rows.get(i);
        try {
          acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          acknowledgedIds.add(row.id);
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          recordFailure(row.id, truncate(rootMessage(e), 1000));
          failure = new IllegalStateException("publishing event " + row.eventId + " failed", e);
          EventTracing.failed(spans.get(i), e);
          break;
        }
      }
      markPublished(acknowledgedIds, now);
      metrics.published(acknowledgedIds.size());
      return new BatchResult(acknowledgedIds.size(), failure);
    } catch (RuntimeException e) {
      if (!spans.isEmpty()) {
        EventTracing.failed(spans.get(spans.size() - 1), e);
      }
      throw e;
    } finally {
      spans.forEach(Span::end);
    }
  }

  /**
   * One statement for the whole batch, the ids as one array parameter (an IN list of as many
   * parameters as rows would be a new statement text for every batch size).
   */
  private void markPublished(List<Long> ids, OffsetDateTime now) {
    if (ids.isEmpty()) {
      return;
    }
    update(
        "update eventing_outbox set published_at = ?, attempts = attempts + 1 where id = any(?)",
        (connection, update) -> {
          update.setObject(1, now);
          update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
        });
  }

  /** The failed row keeps its place; its attempts and last error show in the table. */
  private void recordFailure(long id, String error) {
    update(
        "update eventing_outbox set attempts = attempts + 1, last_error = ? where id = ?",
        (connection, update) -> {
          update.setString(1, error);
          update.setLong(2, id);
        });
  }

  /**
   * One plain JDBC update in the pass's transaction (the relay's rows are never entities). Like the
   * read, on the transaction's connection straight from the pool: a pass opens no Hibernate
   * session.
   */
  private void update(String sql, Parameters parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      parameters.bind(connection, update);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update the outbox", e);
    }
  }

  @FunctionalInterface
  private interface Parameters {
    void bind(Connection connection, PreparedStatement update) throws SQLException;
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
