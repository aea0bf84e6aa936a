package org.civic.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.civic.eventing.outbox.OutboxBacklog;

/** Counters and gauges of the event backbone, exported at /q/metrics. */
@ApplicationScoped
public class EventingMetrics {
  private final Counter published;
  private final Counter publishFailures;
  private final Counter processed;
  private final Counter duplicates;
  private final Counter deadLettered;

  EventingMetrics(MeterRegistry registry, OutboxBacklog backlog) {
    published =
        Counter.builder("eventing.outbox.published")
            .description("Events acknowledged by the broker")
            .register(registry);
    publishFailures =
        Counter.builder("eventing.outbox.publish.failures")
            .description("Relay rounds that failed (broker unreachable, timeouts)")
            .register(registry);
    processed =
        Counter.builder("eventing.inbox.processed")
            .description("Incoming events applied")
            .register(registry);
    duplicates =
        Counter.builder("eventing.inbox.duplicates")
            .description("Incoming events ignored because they were applied before")
            .register(registry);
    deadLettered =
        Counter.builder("eventing.inbox.dead.lettered")
            .description("Incoming events sent to the dead-letter topic")
            .register(registry);
    Gauge.builder("eventing.outbox.backlog", backlog, b -> b.read().pending())
        .description("Events waiting in the outbox")
        .register(registry);
    Gauge.builder("eventing.outbox.oldest.age.seconds", backlog, b -> b.read().oldestAgeSeconds())
        .description("Age of the oldest event waiting in the outbox")
        .register(registry);
  }

  public void published(int count) {
    published.increment(count);
  }

  public void publishFailed() {
    publishFailures.increment();
  }

  public void processed(int count) {
    processed.increment(count);
  }

  public void duplicates(int count) {
    duplicates.increment(count);
  }

  public void deadLettered() {
    deadLettered.increment();
  }
}
