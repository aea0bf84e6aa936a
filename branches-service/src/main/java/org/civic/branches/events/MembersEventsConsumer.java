package org.civic.branches.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.civic.branches.events.RosterChanged.Reason;
import org.civic.branches.service.ResidentService;
import org.civic.eventing.PoisonEventException;
import org.civic.eventing.inbox.BatchHandler;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps residents (per-building counts) and rosters current from members.events. Stale and repeated
 * events (aggregateVersion not newer than the one held) change nothing.
 */
@ApplicationScoped
public class MembersEventsConsumer implements BatchHandler {
  private final EventInbox inbox;
  private final ResidentService residents;

  MembersEventsConsumer(EventInbox inbox, ResidentService residents) {
    this.inbox = inbox;
    this.residents = residents;
  }

  @Incoming("members-events")
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    inbox.processBatch(records, this);
  }

  /**
   * The batch's members' residents and roster entries, and the coverage of the buildings their
   * snapshots name, one statement each (ADR 0008, ADR 0014). An event whose subject is not a UUID
   * is left to {@link #handle}, which dead-letters it.
   */
  @Override
  public void prefetch(List<IncomingEvent> events) {
    Set<UUID> members = new LinkedHashSet<>();
    Set<UUID> buildings = new HashSet<>();
    for (IncomingEvent event : events) {
      if (reason(event) != null) {
        try {
          members.add(UUID.fromString(event.aggregateId()));
          String building = event.payload().path("buildingId").asText(null);
          if (building != null) {
            buildings.add(UUID.fromString(building));
          }
        } catch (IllegalArgumentException e) {
          // handle() rejects it, or reads that building's coverage on its own
        }
      }
    }
    residents.prefetch(members, buildings);
  }

  /** The batch's RosterChanged go to the outbox in one statement (ADR 0014). */
  @Override
  public void finishBatch() {
    residents.finishBatch();
  }

  @Override
  public void handle(IncomingEvent event) {
    apply(event);
  }

  private static Reason reason(IncomingEvent event) {
    return switch (event.type()) {
      case "MemberRegistered" -> Reason.REGISTERED;
      case "MemberUpdated" -> Reason.UPDATED;
      case "MemberRelocated" -> Reason.RELOCATED;
      case "MemberStatusChanged" -> Reason.STATUS_CHANGED;
      default -> null; // types this service does not need (the contract grows additively)
    };
  }

  void apply(IncomingEvent event) {
    Reason reason = reason(event);
    if (reason == null) {
      return;
    }
    MemberSnapshot snapshot = event.data(MemberSnapshot.class);
    UUID memberId = memberId(event, snapshot);
    if (snapshot.standing() == null || snapshot.category() == null || snapshot.status() == null) {
      throw new PoisonEventException(
          event.type() + " of member " + memberId + " lacks standing, category or status");
    }
    residents.apply(memberId, event.aggregateVersion(), snapshot, reason);
  }

  private static UUID memberId(IncomingEvent event, MemberSnapshot snapshot) {
    UUID fromKey;
    try {
      fromKey = UUID.fromString(event.aggregateId());
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("aggregate id is not a UUID: " + event.aggregateId(), e);
    }
    if (snapshot.memberId() != null && !snapshot.memberId().equals(fromKey)) {
      throw new PoisonEventException(
          "payload memberId " + snapshot.memberId() + " differs from the subject " + fromKey);
    }
    return fromKey;
  }
}
