package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void roundTripsARecordWithHeaders() throws Exception {
    Path dataDir;
    try (LocalKafka kafka = LocalKafka.start(null, 0);
        KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
      System.out.printf("Kafka (fresh) started in %d ms%n", kafka.lastStartupTime().toMillis());
      dataDir = kafka.dataDirectory();

      client.send("members.events", "m-1", "{\"n\":1}", Map.of("ce_type", "MemberRegistered"));

      List<ConsumerRecord<String, String>> records =
          client.awaitRecords("members.events", r -> "m-1".equals(r.key()), 1, TIMEOUT);
      assertEquals("{\"n\":1}", records.get(0).value());
      assertEquals("MemberRegistered", KafkaTestClient.header(records.get(0), "ce_type"));
      assertEquals(null, KafkaTestClient.header(records.get(0), "missing"));
    }
    assertFalse(Files.exists(dataDir), "temporary log directory is deleted on close");
  }

  @Test
  void keepsEarlierRecordsWhenRestartedOnTheSamePort() throws Exception {
    try (LocalKafka kafka = LocalKafka.start(null, 0);
        KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
      client.send("branches.events", "b-1", "before", Map.of());

      long stopping = System.nanoTime();
      kafka.stop();
      System.out.printf("Kafka stopped in %d ms%n", LocalPostgresTests.millisSince(stopping));
      kafka.restart();
      System.out.printf("Kafka restarted in %d ms%n", kafka.lastStartupTime().toMillis());

      client.send("branches.events", "b-1", "after", Map.of());
      List<ConsumerRecord<String, String>> records =
          client.awaitRecords("branches.events", r -> true, 2, TIMEOUT);
      assertEquals(List.of("before", "after"), records.stream().map(r -> r.value()).toList());
    }
  }

  @Test
  void startsAgainOnAReusedDataDirectory(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("kafka");
    try (LocalKafka kafka = LocalKafka.start(dataDir, 0);
        KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
      client.send("activities.events", "a-1", "first run", Map.of());
    }
    // A second start must reuse the stored cluster id (no "Invalid cluster.id"), on a new port.
    try (LocalKafka kafka = LocalKafka.start(dataDir, 0);
        KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
      System.out.printf(
          "Kafka (existing data) started in %d ms%n", kafka.lastStartupTime().toMillis());
      List<ConsumerRecord<String, String>> records =
          client.awaitRecords("activities.events", r -> true, 1, TIMEOUT);
      assertEquals("first run", records.get(0).value());
    }
  }
}
