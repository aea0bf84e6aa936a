package org.civic.eventing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries the OpenTelemetry trace through the event backbone, so one trace follows a request into
 * the outbox, over Kafka and into the consumer of another service:
 *
 * <ul>
 *   <li>an event written to the outbox records the current span's W3C traceparent (the HTTP
 *       request, or the consumer span of the event that caused it);
 *   <li>the relay publishes each row in a PRODUCER span, child of that traceparent, and sends the
 *       producer span's traceparent as {@code ce_traceparent};
 *   <li>a consumer applies the event in a CONSUMER span whose parent is {@code ce_traceparent}.
 * </ul>
 *
 * With OpenTelemetry off ({@code quarkus.otel.sdk.disabled=true}, the default of the local run) no
 * span is valid and the plain {@link TraceContext} propagation takes over: events still carry a
 * traceparent, and an event caused by another continues its trace id.
 */
@ApplicationScoped
public class EventTracing {
  static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> MESSAGING_OPERATION =
      AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
  static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> KAFKA_KEY =
      AttributeKey.stringKey("messaging.kafka.message.key");

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final Tracer tracer;

  EventTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("org.civic.eventing");
  }

  /** The traceparent of an event written now: the current span's, else {@link TraceContext}'s. */
  public String traceparentForNewEvent() {
    String current = format(Span.current().getSpanContext());
    return current != null ? current : TraceContext.currentOrNew();
  }

  /** Starts the PRODUCER span of one outbox row; the caller ends it when the broker answered. */
  public Span startPublish(String topic, EventEnvelope envelope) {
    return tracer
        .spanBuilder(topic + " publish")
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(parentOf(envelope.traceparent()))
        .setAttribute(MESSAGING_SYSTEM, "kafka")
        .setAttribute(MESSAGING_OPERATION, "send")
        .setAttribute(DESTINATION, topic)
        .setAttribute(MESSAGE_ID, envelope.eventId().toString())
        .setAttribute(EVENT_TYPE, envelope.type())
        .setAttribute(KAFKA_KEY, envelope.aggregateId())
        .startSpan();
  }

  /** Starts the CONSUMER span of a received event, child of its {@code ce_traceparent}. */
  public Span startProcess(String topic, String consumerGroup, EventEnvelope envelope) {
    return tracer
        .spanBuilder(topic + " process")
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(parentOf(envelope.traceparent()))
        .setAttribute(MESSAGING_SYSTEM, "kafka")
        .setAttribute(MESSAGING_OPERATION, "process")
        .setAttribute(DESTINATION, topic)
        .setAttribute(CONSUMER_GROUP, consumerGroup)
        .setAttribute(MESSAGE_ID, envelope.eventId().toString())
        .setAttribute(EVENT_TYPE, envelope.type())
        .setAttribute(KAFKA_KEY, envelope.aggregateId())
        .startSpan();
  }

  /**
   * The traceparent to pass on from {@code span}: its own when it is a real span, else {@code
   * fallback} (OpenTelemetry off, or no valid parent).
   */
  public static String traceparentOf(Span span, String fallback) {
    String own = format(span.getSpanContext());
    return own != null ? own : fallback;
  }

  public static void failed(Span span, Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR, error.getMessage() == null ? "" : error.getMessage());
  }

  static Context parentOf(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    Map<String, String> carrier = new HashMap<>();
    carrier.put("traceparent", traceparent);
    return W3C.extract(Context.root(), carrier, MAP_GETTER);
  }

  /** W3C traceparent of a valid span context, or null. */
  static String format(SpanContext context) {
    if (context == null || !context.isValid()) {
      return null;
    }
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }
}
