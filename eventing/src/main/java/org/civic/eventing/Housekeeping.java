package org.civic.eventing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.civic.eventing.inbox.EventInbox;
import org.civic.eventing.outbox.OutboxRelay;

/** Keeps the outbox and inbox tables from growing without bound. */
@ApplicationScoped
class Housekeeping {
  private final OutboxRelay relay;
  private final EventInbox inbox;
  private final EventingConfig config;

  Housekeeping(OutboxRelay relay, EventInbox inbox, EventingConfig config) {
    this.relay = relay;
    this.inbox = inbox;
    this.config = config;
  }

  @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void deleteOldRows() {
    relay.deletePublishedOlderThan(config.relay().retention());
    inbox.deleteProcessedOlderThan(config.inbox().retention());
  }
}
