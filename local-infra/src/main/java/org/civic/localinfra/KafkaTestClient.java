package org.civic.localinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka producer/consumer for tests: publish an event as another service would, or wait for
 * the events a service published. Strings in, strings out; headers are UTF-8.
 */
public final class KafkaTestClient implements AutoCloseable {

  private final String bootstrapServers;
  private KafkaProducer<String, String> producer;

  /** A client for the shared broker of {@link LocalInfraTestResource}. */
  public KafkaTestClient() {
    this(LocalInfraTestResource.kafkaBootstrapServers());
  }

  public KafkaTestClient(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public void send(String topic, String key, String value, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    headers.forEach((name, text) -> record.headers().add(name, bytes(text)));
    try {
      producer().send(record).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not send to " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending to " + topic, e);
    }
  }

  /**
   * Reads the topic from the beginning until at least {@code atLeast} records match, and returns
   * the matching ones (in partition order).
   *
   * <p>It reads all partitions directly instead of joining a consumer group: no committed offsets
   * and no rebalance wait, so every call sees the whole topic, independent of other consumers.
   *
   * @throws AssertionError if fewer records matched within the timeout
   */
  public List<ConsumerRecord<String, String>> awaitRecords(
      String topic,
      Predicate<ConsumerRecord<String, String>> match,
      int atLeast,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    List<ConsumerRecord<String, String>> matching = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = newConsumer()) {
      List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (matching.size() < atLeast && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          seen.add(record);
          if (match.test(record)) {
            matching.add(record);
          }
        }
      }
    }
    if (matching.size() < atLeast) {
      throw new AssertionError(
          String.format(
              "Expected at least %d matching records on %s within %s, found %d among %d:%n%s",
              atLeast, topic, timeout, matching.size(), seen.size(), describe(seen)));
    }
    return matching;
  }

  /** The last value of the named header as UTF-8, or null if the record has none. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      Properties config = new Properties();
      config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
      // Fail within seconds, not the default minute, when a test stopped the broker.
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
      producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
    return producer;
  }

  private KafkaConsumer<String, String> newConsumer() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Only what producers committed, as the services' consumers see it.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  /** Waits for the topic to exist: the service under test may not have published yet. */
  private static List<TopicPartition> awaitPartitions(
      KafkaConsumer<String, String> consumer, String topic, long deadline) {
    while (true) {
      List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(5)).get(topic);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .collect(Collectors.toList());
      }
      if (System.nanoTime() >= deadline) {
        throw new AssertionError(
            "Topic " + topic + " does not exist (nothing was published to it)");
      }
      Dirs.sleep(100);
    }
  }

  private static String describe(List<ConsumerRecord<String, String>> records) {
    return records.stream()
        .limit(20)
        .map(
            r ->
                "  " + r.partition() + "@" + r.offset() + " key=" + r.key() + " value=" + r.value())
        .collect(Collectors.joining("\n"));
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
