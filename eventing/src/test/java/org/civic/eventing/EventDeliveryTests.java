package org.civic.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.eventing.health.OutboxHealthCheck;
import org.civic.eventing.inbox.BatchHandler;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.civic.eventing.outbox.OutboxBacklog;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** The delivery guarantees, proven against a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "eventing"))
class EventDeliveryTests {
  static final String TOPIC = "eventing-test.events";
  static final String DLQ = "eventing-test.dlq";
  // Records built in the test and handed to the inbox directly, so one batch is exactly these.
  static final String DIRECT = "eventing-test.direct";
  static final Duration WAIT = Duration.ofSeconds(60);

  @Inject TestCounters counters;
  @Inject AgroalDataSource dataSource;
  @Inject OutboxBacklog backlog;
  @Inject @Readiness OutboxHealthCheck outboxHealth;
  @Inject EntityManager em;
  @Inject EventInbox inbox;
  @Inject TestConsumer consumer;

  KafkaTestClient kafka() {
    return new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers());
  }

  @Test
  void committedChangePublishesOneEventWithCloudEventsHeaders() {
    String id = "c-" + UUID.randomUUID();
    counters.set(id, 7);

    List<ConsumerRecord<String, String>> records =
        kafka().awaitRecords(TOPIC, r -> id.equals(r.key()), 1, WAIT);
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(json(record).get("value").asLong()).isEqualTo(7);
    assertThat(json(record).get("counterId").asText()).isEqualTo(id);
    assertThat(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).isEqualTo("CounterChanged");
    assertThat(KafkaTestClient.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(KafkaTestClient.header(record, CloudEventHeaders.SOURCE))
        .isEqualTo("/eventing-test");
    assertThat(KafkaTestClient.header(record, CloudEventHeaders.AGGREGATE_VERSION)).isEqualTo("1");
    assertThat(KafkaTestClient.header(record, CloudEventHeaders.TRACEPARENT))
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    await().atMost(WAIT).until(() -> effectsFor(id) == 1);
  }

  @Test
  void rolledBackTransactionPublishesNothing() {
    String id = "rollback-" + UUID.randomUUID();
    assertThatThrownBy(() -> counters.setThenFail(id, 1)).isInstanceOf(IllegalStateException.class);
    // A later event of the same aggregate key goes through; the rolled-back one must not precede
    // it.
    counters.set(id, 2);

    List<ConsumerRecord<String, String>> records =
        kafka().awaitRecords(TOPIC, r -> id.equals(r.key()), 1, WAIT);
    assertThat(records).hasSize(1);
    assertThat(json(records.get(0)).get("value").asLong()).isEqualTo(2);
    assertThat(query("select count(*) from eventing_outbox where aggregate_id = '" + id + "'"))
        .isEqualTo(1);
  }

  /**
   * The outbox takes its connection from the pool, not from Hibernate's session: inside a
   * transaction the pool must hand it the transaction's connection, so the caller's own queries see
   * the row before the commit (another connection would not).
   */
  @Test
  void theOutboxRowIsWrittenOnTheCallersTransactionConnection() {
    String id = "same-tx-" + UUID.randomUUID();
    assertThat(counters.setAndCountOutboxRowsSeenInTheTransaction(id, 3)).isEqualTo(1);
    assertThat(query("select count(*) from eventing_outbox where aggregate_id = '" + id + "'"))
        .isEqualTo(1);
  }

  @Test
  void duplicateDeliveryIsIgnored() {
    String id = "dup-" + UUID.randomUUID();
    Map<String, String> headers = headers(UUID.randomUUID(), "1");
    KafkaTestClient kafka = kafka();
    kafka.send(TOPIC, id, "{\"counterId\":\"" + id + "\",\"value\":5}", headers);
    kafka.send(TOPIC, id, "{\"counterId\":\"" + id + "\",\"value\":5}", headers);
    // A different event after the duplicate shows the consumer got past both.
    kafka.send(
        TOPIC, id, "{\"counterId\":\"" + id + "\",\"value\":6}", headers(UUID.randomUUID(), "2"));

    await().atMost(WAIT).until(() -> effectsFor(id) == 2);
    assertThat(
            query(
                "select count(*) from test_effect where aggregate_id = '" + id + "' and value = 5"))
        .isEqualTo(1);
  }

  @Test
  void poisonMessageGoesToDeadLetterTopicAndNextMessageIsProcessed() {
    String id = "poison-" + UUID.randomUUID();
    KafkaTestClient kafka = kafka();
    kafka.send(TOPIC, id, "this is { not json", headers(UUID.randomUUID(), "1"));
    kafka.send(TOPIC, id, "{\"value\":1}", headers(UUID.randomUUID(), "2")); // no counterId
    kafka.send(TOPIC, id, "{\"counterId\":\"" + id + "\",\"value\":3}", Map.of()); // no envelope
    kafka.send(
        TOPIC, id, "{\"counterId\":\"" + id + "\",\"value\":4}", headers(UUID.randomUUID(), "3"));

    List<ConsumerRecord<String, String>> dead =
        kafka.awaitRecords(DLQ, r -> id.equals(r.key()), 3, WAIT);
    assertThat(dead).hasSize(3);
    assertThat(dead)
        .extracting(r -> KafkaTestClient.header(r, "dead-letter-reason"))
        .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"))
        .anySatisfy(reason -> assertThat(reason).contains("counterId is missing"))
        .anySatisfy(reason -> assertThat(reason).contains("missing CloudEvents header"));
    await().atMost(WAIT).until(() -> effectsFor(id) == 1);
    assertThat(query("select value from test_effect where aggregate_id = '" + id + "'"))
        .isEqualTo(4);
  }

  @Test
  void eventsWrittenWhileTheBrokerIsDownAreAllDeliveredOnceAfterItRestarts() throws Exception {
    String prefix = "down-" + UUID.randomUUID() + "-";
    int n = 50;
    LocalInfraTestResource.kafka().stop();
    try {
      for (int i = 0; i < n; i++) {
        counters.set(prefix + (i % 10), i);
      }
      assertThat(backlog.read().pending()).isGreaterThanOrEqualTo(n);
      // Stuck for longer than eventing.relay.stuck-after: readiness reports it.
      await()
          .atMost(WAIT)
          .until(() -> outboxHealth.call().getStatus() == HealthCheckResponse.Status.DOWN);
      // The failed send is recorded on the oldest row, which keeps its place for the next pass.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  query(
                          "select count(*) from eventing_outbox where published_at is null"
                              + " and attempts > 0 and last_error is not null")
                      >= 1);
    } finally {
      LocalInfraTestResource.kafka().restart();
    }

    await().atMost(WAIT).until(() -> backlog.read().pending() == 0);
    await()
        .atMost(WAIT)
        .until(
            () ->
                query("select count(*) from test_effect where aggregate_id like '" + prefix + "%'")
                    == n);
    // Each event applied exactly once, and per aggregate the last value is the last written.
    assertThat(
            query(
                "select count(distinct event_id) from test_effect where aggregate_id like '"
                    + prefix
                    + "%'"))
        .isEqualTo(n);
    assertThat(outboxHealth.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void onlyOneReplicaRelaysAtATime() throws Exception {
    // Another replica holding the relay lock: this relay must not publish meanwhile.
    String id = "lock-" + UUID.randomUUID();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService otherReplica = Executors.newSingleThreadExecutor();
    try {
      otherReplica.submit(
          () -> {
            try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
              s.execute("select pg_advisory_lock(" + 0x0B7B0C5L + ")");
              locked.countDown();
              release.await();
              s.execute("select pg_advisory_unlock(" + 0x0B7B0C5L + ")");
            }
            return null;
          });
      locked.await();
      counters.set(id, 1);
      Thread.sleep(1500);
      assertThat(
              query(
                  "select count(*) from eventing_outbox where aggregate_id = '"
                      + id
                      + "' and published_at is null"))
          .isEqualTo(1);
    } finally {
      release.countDown();
      otherReplica.shutdown();
    }
    await().atMost(WAIT).until(() -> effectsFor(id) == 1);
  }

  @Test
  void aBatchIsAppliedInOneTransaction() {
    String id = "together-" + UUID.randomUUID();
    List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      batch.add(record(i, id, counter(id, i + 1), headers(ids.get(i), Integer.toString(i + 1))));
    }

    inbox.processBatch(batch, consumer::apply);

    assertThat(effectsFor(id)).isEqualTo(3);
    // now() is the transaction's start time: one value for the three inbox rows = one transaction.
    assertThat(
            query(
                "select count(distinct processed_at) from eventing_inbox where event_id in ("
                    + ids.stream().map(u -> "'" + u + "'").collect(Collectors.joining(","))
                    + ")"))
        .isEqualTo(1);
  }

  @Test
  void aBatchSkipsEventsAppliedBeforeAndRepeatsWithinItInOneTransaction() {
    String id = "repeats-" + UUID.randomUUID();
    UUID before = UUID.randomUUID();
    UUID twice = UUID.randomUUID();
    UUID last = UUID.randomUUID();
    inbox.processBatch(
        List.of(record(0, id, counter(id, 1), headers(before, "1"))), consumer::apply);

    inbox.processBatch(
        List.of(
            record(0, id, counter(id, 1), headers(before, "1")), // applied by the batch above
            record(1, id, counter(id, 2), headers(twice, "2")),
            record(2, id, counter(id, 2), headers(twice, "2")), // the same event again
            record(3, id, counter(id, 3), headers(last, "3"))),
        consumer::apply);

    assertThat(effectsFor(id)).isEqualTo(3);
    assertThat(
            query(
                "select count(*) from test_effect where aggregate_id = '" + id + "' and value = 2"))
        .isEqualTo(1);
    // The new events were recorded together (one transaction), not after a fall-back one by one.
    assertThat(
            query(
                "select count(distinct processed_at) from eventing_inbox where event_id in ('"
                    + twice
                    + "', '"
                    + last
                    + "')"))
        .isEqualTo(1);
  }

  @Test
  void aBatchWithPoisonAndDuplicatesAppliesTheRestOnceAndDeadLettersThePoisonAlone() {
    String id = "batch-" + UUID.randomUUID();
    UUID repeated = UUID.randomUUID();
    List<ConsumerRecord<String, String>> batch =
        List.of(
            record(0, id, counter(id, 1), headers(repeated, "1")),
            record(1, id, counter(id, 1), headers(repeated, "1")), // the same event again
            record(2, id, "{\"value\":2}", headers(UUID.randomUUID(), "2")), // handler rejects
            record(3, id, "this is { not json", headers(UUID.randomUUID(), "3")),
            record(4, id, counter(id, 5), headers(UUID.randomUUID(), "4")));

    inbox.processBatch(batch, consumer::apply);

    assertThat(effectsFor(id)).isEqualTo(2);
    assertThat(
            query(
                "select count(*) from test_effect where aggregate_id = '" + id + "' and value = 1"))
        .isEqualTo(1);
    assertThat(
            query(
                "select count(*) from test_effect where aggregate_id = '" + id + "' and value = 5"))
        .isEqualTo(1);
    List<ConsumerRecord<String, String>> dead =
        kafka().awaitRecords(DLQ, r -> id.equals(r.key()), 2, WAIT);
    assertThat(dead).hasSize(2);
    assertThat(dead)
        .extracting(r -> KafkaTestClient.header(r, "dead-letter-offset"))
        .containsExactlyInAnyOrder("2", "3");
    assertThat(dead)
        .allSatisfy(
            r -> {
              assertThat(KafkaTestClient.header(r, "dead-letter-topic")).isEqualTo(DIRECT);
              assertThat(KafkaTestClient.header(r, "dead-letter-partition")).isEqualTo("0");
              assertThat(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                  .isEqualTo("CounterChanged");
            })
        .extracting(r -> KafkaTestClient.header(r, "dead-letter-reason"))
        .anySatisfy(reason -> assertThat(reason).contains("counterId is missing"))
        .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"));

    // The whole batch delivered again (a crash before the offsets were committed) changes nothing.
    inbox.processBatch(batch, consumer::apply);
    assertThat(effectsFor(id)).isEqualTo(2);
  }

  @Test
  void aBatchHandlerPrefetchesTheBatchsNewEventsOnceAndIsLeftOutOfTheFallBack() {
    String id = "prefetch-" + UUID.randomUUID();
    UUID before = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID third = UUID.randomUUID();
    inbox.processBatch(
        List.of(record(0, id, counter(id, 1), headers(before, "1"))), consumer::apply);
    List<List<UUID>> prefetched = new ArrayList<>();
    BatchHandler handler =
        new BatchHandler() {
          @Override
          public void prefetch(List<IncomingEvent> events) {
            prefetched.add(events.stream().map(e -> e.envelope().eventId()).toList());
          }

          @Override
          public void handle(IncomingEvent event) {
            consumer.apply(event);
          }
        };

    inbox.processBatch(
        List.of(
            record(0, id, counter(id, 1), headers(before, "1")), // applied before: not prefetched
            record(1, id, counter(id, 2), headers(second, "2")),
            record(2, id, counter(id, 2), headers(second, "2")), // a repeat: once
            record(3, id, counter(id, 3), headers(third, "3"))),
        handler);

    assertThat(prefetched).containsExactly(List.of(second, third));
    assertThat(effectsFor(id)).isEqualTo(3);

    // A poison event rolls the batch back; its events are then applied one per transaction,
    // without a prefetch, and the poison alone is dead-lettered.
    prefetched.clear();
    UUID fourth = UUID.randomUUID();
    UUID poison = UUID.randomUUID();
    UUID sixth = UUID.randomUUID();
    inbox.processBatch(
        List.of(
            record(4, id, counter(id, 4), headers(fourth, "4")),
            record(5, id, "{\"value\":5}", headers(poison, "5")), // the handler rejects it
            record(6, id, counter(id, 6), headers(sixth, "6"))),
        handler);

    assertThat(prefetched).containsExactly(List.of(fourth, poison, sixth));
    assertThat(effectsFor(id)).isEqualTo(5);
    assertThat(kafka().awaitRecords(DLQ, r -> id.equals(r.key()), 1, WAIT))
        .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.ID))
        .containsExactly(poison.toString());
  }

  private static ConsumerRecord<String, String> record(
      long offset, String key, String value, Map<String, String> headers) {
    ConsumerRecord<String, String> record = new ConsumerRecord<>(DIRECT, 0, offset, key, value);
    headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static String counter(String id, int value) {
    return "{\"counterId\":\"" + id + "\",\"value\":" + value + "}";
  }

  private static Map<String, String> headers(UUID eventId, String version) {
    return Map.of(
        CloudEventHeaders.SPEC_VERSION, "1.0",
        CloudEventHeaders.ID, eventId.toString(),
        CloudEventHeaders.TYPE, "CounterChanged",
        CloudEventHeaders.SOURCE, "/test",
        CloudEventHeaders.TIME, "2026-11-29T08:00:00Z",
        CloudEventHeaders.SUBJECT, "x",
        CloudEventHeaders.AGGREGATE_TYPE, "Counter",
        CloudEventHeaders.AGGREGATE_VERSION, version);
  }

  private static JsonNode json(ConsumerRecord<String, String> record) {
    try {
      return new ObjectMapper().readTree(record.value());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long effectsFor(String id) {
    return query("select count(*) from test_effect where aggregate_id = '" + id + "'");
  }

  private long query(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
