package org.civic.eventing.tools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.civic.eventing.CloudEventHeaders;

/**
 * Re-drives dead-lettered events: reads a dead-letter topic ({@code <service>.dlq}) from its start
 * to its current end and publishes the chosen records again to the topic they came from (header
 * {@code dead-letter-topic}), with the same key, payload and CloudEvents headers, without the
 * {@code dead-letter-*} ones. Consumers de-duplicate on the event id, so a record re-driven twice,
 * or one that other consumer groups had already applied, changes nothing.
 *
 * <p>Run it where the service runs, after fixing what made the events fail (docs/operations.md):
 *
 * <pre>
 * java -cp '/deployments/lib/main/*' org.civic.eventing.tools.DeadLetterRedrive \
 *     --bootstrap-servers kafka:9092 --dlq branches-service.dlq [--event-id ID]... [--type TYPE]
 *     [--since 2026-11-29T00:00:00Z] [--dry-run]
 * </pre>
 *
 * Plain Kafka clients only (no Quarkus), so it runs with the classpath of any service image.
 */
public final class DeadLetterRedrive {
  static final String USAGE =
      """
      Usage: DeadLetterRedrive --bootstrap-servers HOST:PORT --dlq TOPIC [options]
        --event-id ID   re-drive only this event (repeatable)
        --type TYPE     re-drive only events of this type (e.g. MemberRelocated)
        --since INSTANT re-drive only records dead-lettered at or after this ISO-8601 instant
        --dry-run       list what would be re-driven, publish nothing
      Without filters every record in the dead-letter topic is re-driven.""";

  /** What to re-drive. */
  record Options(
      String bootstrapServers,
      String dlq,
      Set<String> eventIds,
      String type,
      Instant since,
      boolean dryRun) {

    static Options parse(String... args) {
      String bootstrap = null;
      String dlq = null;
      Set<String> ids = new HashSet<>();
      String type = null;
      Instant since = null;
      boolean dryRun = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--bootstrap-servers" -> bootstrap = value(args, ++i);
          case "--dlq" -> dlq = value(args, ++i);
          case "--event-id" -> ids.add(UUID.fromString(value(args, ++i)).toString());
          case "--type" -> type = value(args, ++i);
          case "--since" -> since = Instant.parse(value(args, ++i));
          case "--dry-run" -> dryRun = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (bootstrap == null || dlq == null) {
        throw new IllegalArgumentException("--bootstrap-servers and --dlq are required");
      }
      return new Options(bootstrap, dlq, Set.copyOf(ids), type, since, dryRun);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }

    boolean wants(ConsumerRecord<byte[], byte[]> record) {
      if (!eventIds.isEmpty() && !eventIds.contains(header(record, CloudEventHeaders.ID))) {
        return false;
      }
      if (type != null && !type.equals(header(record, CloudEventHeaders.TYPE))) {
        return false;
      }
      return since == null || record.timestamp() >= since.toEpochMilli();
    }
  }

  /** One re-driven (or, in a dry run, selected) record. */
  record Redriven(String eventId, String type, String key, String fromTopic, String reason) {}

  private DeadLetterRedrive() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + USAGE);
      System.exit(2);
      return;
    }
    List<Redriven> done = run(options, System.out);
    System.out.printf(
        "%s %d event(s) from %s%n",
        options.dryRun() ? "Would re-drive" : "Re-drove", done.size(), options.dlq());
  }

  /** Re-drives what {@code options} select; returns them in the order they were read. */
  public static List<Redriven> run(Options options, PrintStream out) {
    List<Redriven> result = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(options.bootstrapServers());
        KafkaProducer<byte[], byte[]> producer = producer(options.bootstrapServers())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(options.dlq(), Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(p.topic(), p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<Future<RecordMetadata>> sends = new ArrayList<>();
      while (!reached(consumer, end)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))
              || !options.wants(record)) {
            continue;
          }
          String topic = header(record, "dead-letter-topic");
          if (topic == null) {
            out.printf(
                "skipped %s-%d@%d: no dead-letter-topic header%n",
                record.topic(), record.partition(), record.offset());
            continue;
          }
          Redriven redriven =
              new Redriven(
                  header(record, CloudEventHeaders.ID),
                  header(record, CloudEventHeaders.TYPE),
                  record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                  topic,
                  header(record, "dead-letter-reason"));
          out.printf(
              "%s %s %s key=%s -> %s (was: %s)%n",
              options.dryRun() ? "would re-drive" : "re-drive",
              redriven.eventId(),
              redriven.type(),
              redriven.key(),
              topic,
              redriven.reason());
          if (!options.dryRun()) {
            ProducerRecord<byte[], byte[]> again =
                new ProducerRecord<>(topic, null, record.key(), record.value());
            for (Header h : record.headers()) {
              if (!h.key().startsWith("dead-letter-")) {
                again.headers().add(h);
              }
            }
            sends.add(producer.send(again));
          }
          result.add(redriven);
        }
      }
      for (Future<RecordMetadata> send : sends) {
        send.get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("re-driving failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return result;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-redrive");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-redrive");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }
}
