package org.civic.eventing;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every event carries besides its payload. On Kafka these travel as CloudEvents 1.0 attributes
 * in binary mode (ce_* headers, see {@link CloudEventHeaders}); the record value is the payload
 * alone, so a consumer reads the data without unwrapping it.
 */
public record EventEnvelope(
    UUID eventId,
    String type,
    OffsetDateTime occurredAt,
    String aggregateType,
    String aggregateId,
    long aggregateVersion,
    String producer,
    String traceparent) {}
