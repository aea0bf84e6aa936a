package org.civic.eventing.outbox;

/**
 * An event to publish.
 *
 * @param aggregateType e.g. "Member"
 * @param aggregateId the Kafka key: all events of one aggregate keep their order
 * @param aggregateVersion the aggregate's version after the change, so consumers can ignore stale
 *     and repeated events
 * @param type the event type, e.g. "MemberRelocated"
 * @param data the payload: a snapshot record, serialised as JSON; never sensitive fields
 */
public record OutgoingEvent(
    String aggregateType, Object aggregateId, long aggregateVersion, String type, Object data) {}
