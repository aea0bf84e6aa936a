package org.civic.eventing.inbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.eventing.EventingConfig;
import org.junit.jupiter.api.Test;

class DeadLettersTests {

  @Test
  void afterTheShutdownCloseASendIsRefusedInsteadOfReopeningAProducer() {
    // No broker listens on port 1: a reopened producer would retry its send until the test's
    // timeout; a refused one fails at once, and the inbox leaves the record for redelivery.
    DeadLetters deadLetters = new DeadLetters("localhost:1", config());
    deadLetters.close(null);

    ConsumerRecord<String, String> record = new ConsumerRecord<>("members.events", 0, 7, "k", "{}");
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> deadLetters.send(record, new IllegalStateException("boom")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopping"));
  }

  private static EventingConfig config() {
    EventingConfig.Inbox inbox =
        values(
            EventingConfig.Inbox.class,
            Map.of("deadLetterTopic", "test.dlq", "retryBackoff", Duration.ofMillis(10)));
    return values(EventingConfig.class, Map.of("producer", "test-service", "inbox", inbox));
  }

  /** A config mapping answering the named methods with the given values (and nothing else). */
  private static <T> T values(Class<T> type, Map<String, Object> values) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
              }
              return values.get(method.getName());
            }));
  }
}
