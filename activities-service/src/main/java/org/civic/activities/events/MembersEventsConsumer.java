package org.civic.activities.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.civic.activities.service.LocalViewService;
import org.civic.eventing.inbox.BatchHandler;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local member and household view current from members.events. */
@ApplicationScoped
public class MembersEventsConsumer implements BatchHandler {
  private final EventInbox inbox;
  private final LocalViewService view;

  MembersEventsConsumer(EventInbox inbox, LocalViewService view) {
    this.inbox = inbox;
    this.view = view;
  }

  @Incoming("members-events")
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    inbox.processBatch(records, this);
  }

  /**
   * The batch's members' views, one query (ADR 0008; only this consumer writes them). The key is
   * the member id; an event whose key is not a UUID is left to {@link #handle}.
   */
  @Override
  public void prefetch(List<IncomingEvent> events) {
    Set<UUID> members = new LinkedHashSet<>();
    for (IncomingEvent event : events) {
      if (isMemberSnapshot(event)) {
        try {
          members.add(UUID.fromString(event.aggregateId()));
        } catch (IllegalArgumentException e) {
          // handle() reads this event's member on its own
        }
      }
    }
    view.prefetchMembers(members);
  }

  @Override
  public void handle(IncomingEvent event) {
    apply(event);
  }

  private static boolean isMemberSnapshot(IncomingEvent event) {
    return switch (event.type()) {
      case "MemberRegistered", "MemberUpdated", "MemberRelocated", "MemberStatusChanged" -> true;
      default -> false;
    };
  }

  void apply(IncomingEvent event) {
    switch (event.type()) {
      case "MemberRegistered", "MemberUpdated", "MemberRelocated", "MemberStatusChanged" ->
          view.applyMember(
              event.data(LocalViewService.MemberSnapshot.class),
              event.aggregateVersion(),
              event.envelope().occurredAt());
      default -> {
        // Unknown types are skipped (the contract evolves additively).
      }
    }
  }
}
