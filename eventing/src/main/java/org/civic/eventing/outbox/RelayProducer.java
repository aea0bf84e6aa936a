package org.civic.eventing.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civic.eventing.EventingConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's Kafka producer. A plain client rather than a messaging channel because the relay
 * needs each record's acknowledgement and must bound how long it waits for a down broker.
 */
@ApplicationScoped
class RelayProducer {
  private final String bootstrapServers;
  private final EventingConfig config;

  RelayProducer(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      EventingConfig config) {
    this.bootstrapServers = bootstrapServers;
    this.config = config;
  }

  Producer<String, byte[]> create() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, config.producer() + "-outbox-relay");
    // Idempotence + acks=all: broker-side retries never duplicate or reorder within a partition.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    // No linger: the relay sends a pass's rows in one loop and only then waits, so records that
    // come while a request is in flight still go out together; a linger only delayed the first
    // record of a pass (an event's path: one more wake of the sender thread, 1 ms or more).
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    long timeoutMs = config.relay().sendTimeout().toMillis();
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs / 2, 5000));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
    props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }
}
