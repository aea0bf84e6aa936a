package org.civic.eventing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Maps an {@link EventEnvelope} to and from CloudEvents 1.0 Kafka binary-mode headers. */
public final class CloudEventHeaders {
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String TYPE = "ce_type";
  public static final String SOURCE = "ce_source";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";
  public static final String CONTENT_TYPE = "content-type";
  // CloudEvents extension attributes (lower-case alphanumerics only, per the spec).
  public static final String AGGREGATE_TYPE = "ce_aggregatetype";
  public static final String AGGREGATE_VERSION = "ce_aggregateversion";
  public static final String TRACEPARENT = "ce_traceparent";

  private CloudEventHeaders() {}

  /** Writes the envelope's attributes (see {@link #of}) to {@code headers}, replacing any there. */
  public static void write(EventEnvelope envelope, Headers headers) {
    of(envelope).forEach((name, value) -> put(headers, name, value));
  }

  /**
   * The CloudEvents attributes of {@code envelope} as Kafka header names and values, in the order
   * they are written. Public so that tests send events exactly as a service does.
   */
  public static Map<String, String> of(EventEnvelope envelope) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(SPEC_VERSION, "1.0");
    attributes.put(ID, envelope.eventId().toString());
    attributes.put(TYPE, envelope.type());
    attributes.put(SOURCE, "/" + envelope.producer());
    attributes.put(TIME, envelope.occurredAt().toString());
    attributes.put(SUBJECT, envelope.aggregateId());
    attributes.put(CONTENT_TYPE, "application/json");
    attributes.put(AGGREGATE_TYPE, envelope.aggregateType());
    attributes.put(AGGREGATE_VERSION, Long.toString(envelope.aggregateVersion()));
    if (envelope.traceparent() != null) {
      attributes.put(TRACEPARENT, envelope.traceparent());
    }
    return attributes;
  }

  /**
   * Reads the envelope of a received record.
   *
   * @throws PoisonEventException when a required attribute is missing or malformed: such a record
   *     can never be processed and belongs in the dead-letter topic
   */
  public static EventEnvelope read(Headers headers) {
    String source = require(headers, SOURCE);
    try {
      return new EventEnvelope(
          UUID.fromString(require(headers, ID)),
          require(headers, TYPE),
          OffsetDateTime.parse(require(headers, TIME)),
          require(headers, AGGREGATE_TYPE),
          require(headers, SUBJECT),
          Long.parseLong(require(headers, AGGREGATE_VERSION)),
          source.startsWith("/") ? source.substring(1) : source,
          optional(headers, TRACEPARENT));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new PoisonEventException("malformed CloudEvents header: " + e.getMessage(), e);
    }
  }

  private static String require(Headers headers, String name) {
    String value = optional(headers, name);
    if (value == null || value.isBlank()) {
      throw new PoisonEventException("missing CloudEvents header " + name);
    }
    return value;
  }

  private static String optional(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
