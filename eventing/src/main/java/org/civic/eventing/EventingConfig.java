package org.civic.eventing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "eventing")
public interface EventingConfig {

  /** The topic this service publishes its events to, e.g. members.events. */
  String topic();

  /** Name written as the event producer and used as the inbox consumer name. */
  @WithName("producer")
  @WithDefault("${quarkus.application.name}")
  String producer();

  Relay relay();

  Inbox inbox();

  interface Relay {
    @WithDefault("true")
    boolean enabled();

    /** Rows published per round trip to the broker. */
    @WithDefault("500")
    int batchSize();

    /** Safety net: the relay is woken on commit; this catches rows of other replicas. */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /** How long a send may wait for the broker before the batch counts as failed. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Readiness goes DOWN when the oldest unpublished event is older than this. */
    @WithDefault("60s")
    Duration stuckAfter();

    /** Published rows are kept this long (re-drive, audit), then deleted. */
    @WithDefault("P7D")
    Duration retention();
  }

  interface Inbox {
    /** Attempts for a failing event before it is dead-lettered (lost connections retry on). */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("200ms")
    Duration retryBackoff();

    /** Where events that cannot be applied go, with the reason in dead-letter-* headers. */
    @WithDefault("${quarkus.application.name}.dlq")
    String deadLetterTopic();

    /** Processed event ids are kept this long to recognise redeliveries. */
    @WithDefault("P30D")
    Duration retention();
  }
}
