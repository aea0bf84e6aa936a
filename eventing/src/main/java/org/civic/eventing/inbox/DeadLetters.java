package org.civic.eventing.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civic.eventing.EventingConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves an event that cannot be applied to the service's dead-letter topic ({@code <service>.dlq}):
 * the original key, value and headers plus the {@code dead-letter-*} headers that SmallRye's
 * dead-letter-queue failure strategy wrote (the names DeadLetterRedrive reads). The inbox consumes
 * in batches, and that failure strategy can only dead-letter a whole batch, so the inbox does it
 * itself, one record at a time. A send is retried until the broker has it: the record's offset is
 * committed only after this returns, so a dead letter is never lost.
 */
@ApplicationScoped
public class DeadLetters {
  private static final Logger LOG = Logger.getLogger(DeadLetters.class);

  private final String bootstrapServers;
  private final EventingConfig config;
  private Producer<String, String> producer;
  private boolean closed;

  DeadLetters(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      EventingConfig config) {
    this.bootstrapServers = bootstrapServers;
    this.config = config;
  }

  /** Publishes {@code record} to the dead-letter topic with {@code reason}; waits for the ack. */
  public void send(ConsumerRecord<String, String> record, Throwable reason) {
    ProducerRecord<String, String> dead =
        new ProducerRecord<>(config.inbox().deadLetterTopic(), record.key(), record.value());
    for (Header h : record.headers()) {
      if (!h.key().startsWith("dead-letter-")) {
        dead.headers().add(h.key(), h.value());
      }
    }
    header(dead, "dead-letter-reason", messageOf(reason));
    header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
    if (reason.getCause() != null && reason.getCause() != reason) {
      header(dead, "dead-letter-cause", messageOf(reason.getCause()));
      header(dead, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
    }
    header(dead, "dead-letter-topic", record.topic());
    header(dead, "dead-letter-partition", Integer.toString(record.partition()));
    header(dead, "dead-letter-offset", Long.toString(record.offset()));
    Duration backoff = config.inbox().retryBackoff();
    while (true) {
      Producer<String, String> sender = producer();
      try {
        sender.send(dead).get(30, TimeUnit.SECONDS);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while dead-lettering", e);
      } catch (Exception e) {
        LOG.warnf(
            "Dead-lettering %s-%d@%d failed: %s; retrying in %s",
            record.topic(), record.partition(), record.offset(), e.getMessage(), backoff);
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10)
                : backoff.multipliedBy(2);
      }
    }
  }

  private synchronized Producer<String, String> producer() {
    if (closed) {
      // Refused rather than reopened: the record stays uncommitted and is delivered again after
      // the restart, where it is dead-lettered then (a send retrying across the stop ends here).
      throw new IllegalStateException("dead letters are closed: the service is stopping");
    }
    // Created on first use: most services never dead-letter anything.
    if (producer == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ProducerConfig.CLIENT_ID_CONFIG, config.producer() + "-dead-letters");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      producer = new KafkaProducer<>(props);
    }
    return producer;
  }

  synchronized void close(@Observes ShutdownEvent shutdown) {
    closed = true;
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private static void header(ProducerRecord<String, String> record, String key, String value) {
    if (value != null) {
      record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String messageOf(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dead-lettering", e);
    }
  }
}
