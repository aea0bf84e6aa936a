package org.civic.eventing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

  public static void write(EventEnvelope envelope, Headers headers) {
    put(headers, SPEC_VERSION, "1.0");
    put(headers, ID, envelope.eventId().toString());
    put(headers, TYPE, envelope.type());
    put(headers, SOURCE, "/" + envelope.producer());
    put(headers, TIME, envelope.occurredAt().toString());
    put(headers, SUBJECT, envelope.aggregateId());
    put(headers, CONTENT_TYPE, "application/json");
    put(headers, AGGREGATE_TYPE, envelope.aggregateType());
    put(headers, AGGREGATE_VERSION, Long.toString(envelope.aggregateVersion()));
    if (envelope.traceparent() != null) {
      put(headers, TRACEPARENT, envelope.traceparent());
    }
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
