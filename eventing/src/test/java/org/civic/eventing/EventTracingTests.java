package org.civic.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * One OpenTelemetry trace follows a change through the outbox, the relay, Kafka and the consumer,
 * on the real broker: request span → PRODUCER span (relay) → CONSUMER span (inbox).
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "eventing"))
class EventTracingTests {
  static final String TOPIC = "eventing-test.events";
  static final Duration WAIT = Duration.ofSeconds(60);

  @Inject TestCounters counters;
  @Inject Tracer tracer;
  @Inject InMemorySpanExporter exporter;

  @Test
  void oneTraceFollowsAChangeThroughOutboxKafkaAndConsumer() {
    String id = "trace-" + UUID.randomUUID();
    Span request =
        tracer.spanBuilder("PUT /counters/{id}").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = request.makeCurrent()) {
      counters.set(id, 1);
    } finally {
      request.end();
    }
    String traceId = request.getSpanContext().getTraceId();

    SpanData producer = awaitSpan(SpanKind.PRODUCER, id);
    SpanData consumer = awaitSpan(SpanKind.CONSUMER, id);

    assertThat(producer.getName()).isEqualTo(TOPIC + " publish");
    assertThat(producer.getTraceId()).isEqualTo(traceId);
    assertThat(producer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(consumer.getName()).isEqualTo(TOPIC + " process");
    assertThat(consumer.getTraceId()).isEqualTo(traceId);
    assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
    assertThat(consumer.getAttributes().get(EventTracing.CONSUMER_GROUP))
        .isEqualTo("eventing-test.eventing-test.events");
    // On the wire: the CloudEvents traceparent is the producer span's context.
    ConsumerRecord<String, String> record =
        new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers())
            .awaitRecords(TOPIC, r -> id.equals(r.key()), 1, WAIT)
            .get(0);
    assertThat(KafkaTestClient.header(record, CloudEventHeaders.TRACEPARENT))
        .isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");
  }

  @Test
  void anEventFromOutsideContinuesTheTraceOfItsTraceparent() {
    String id = "remote-" + UUID.randomUUID();
    String remoteTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String remoteSpan = "00f067aa0ba902b7";
    new KafkaTestClient(LocalInfraTestResource.kafkaBootstrapServers())
        .send(
            TOPIC,
            id,
            "{\"counterId\":\"" + id + "\",\"value\":1}",
            Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, "CounterChanged",
                CloudEventHeaders.SOURCE, "/other-service",
                CloudEventHeaders.TIME, "2026-11-29T08:00:00Z",
                CloudEventHeaders.SUBJECT, id,
                CloudEventHeaders.AGGREGATE_TYPE, "Counter",
                CloudEventHeaders.AGGREGATE_VERSION, "1",
                CloudEventHeaders.TRACEPARENT, "00-" + remoteTrace + "-" + remoteSpan + "-01"));

    SpanData consumer = awaitSpan(SpanKind.CONSUMER, id);
    assertThat(consumer.getTraceId()).isEqualTo(remoteTrace);
    assertThat(consumer.getParentSpanId()).isEqualTo(remoteSpan);
    assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
  }

  private SpanData awaitSpan(SpanKind kind, String aggregateId) {
    return await()
        .atMost(WAIT)
        .until(() -> find(kind, aggregateId), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<SpanData> find(SpanKind kind, String aggregateId) {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    return spans.stream()
        .filter(s -> s.getKind() == kind)
        .filter(s -> aggregateId.equals(s.getAttributes().get(EventTracing.KAFKA_KEY)))
        .findFirst();
  }
}
