package org.civic.activities.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.civic.activities.service.LocalViewService;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local member and household view current from members.events. */
@ApplicationScoped
public class MembersEventsConsumer {
  private final EventInbox inbox;
  private final LocalViewService view;

  MembersEventsConsumer(EventInbox inbox, LocalViewService view) {
    this.inbox = inbox;
    this.view = view;
  }

  @Incoming("members-events")
  @Blocking
  public void consume(ConsumerRecords<String, String> records) {
    inbox.processBatch(records, this::apply);
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
