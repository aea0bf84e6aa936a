package org.civic.eventing.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civic.eventing.CloudEventHeaders;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The re-drive tool of the runbook, on a real broker. */
class DeadLetterRedriveTests {
  static final String DLQ = "redrive-service.dlq";
  static final String TOPIC = "redrive-source.events";
  static final Duration WAIT = Duration.ofSeconds(30);
  static LocalKafka kafka;
  static KafkaTestClient client;
  static String relocated = UUID.randomUUID().toString();
  static String updated = UUID.randomUUID().toString();

  @BeforeAll
  static void deadLetters() throws Exception {
    kafka = LocalKafka.start(null, 0);
    client = new KafkaTestClient(kafka.bootstrapServers());
    client.send(DLQ, "m-1", "{\"memberId\":\"m-1\"}", deadLetter(relocated, "MemberRelocated"));
    client.send(DLQ, "m-2", "{\"memberId\":\"m-2\"}", deadLetter(updated, "MemberUpdated"));
    Map<String, String> foreign = new HashMap<>(deadLetter(UUID.randomUUID().toString(), "X"));
    foreign.remove("dead-letter-topic");
    client.send(DLQ, "m-3", "{}", foreign);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @Test
  void redrivesTheChosenEventToItsTopicWithoutTheDeadLetterHeaders() {
    List<DeadLetterRedrive.Redriven> done =
        run("--dlq", DLQ, "--event-id", relocated, "--bootstrap-servers", kafka.bootstrapServers());

    assertThat(done).extracting(DeadLetterRedrive.Redriven::eventId).containsExactly(relocated);
    ConsumerRecord<String, String> again =
        client.awaitRecords(TOPIC, r -> "m-1".equals(r.key()), 1, WAIT).get(0);
    assertThat(again.value()).isEqualTo("{\"memberId\":\"m-1\"}");
    assertThat(KafkaTestClient.header(again, CloudEventHeaders.ID)).isEqualTo(relocated);
    assertThat(KafkaTestClient.header(again, CloudEventHeaders.TRACEPARENT))
        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(again.headers()).noneMatch(h -> h.key().startsWith("dead-letter-"));
  }

  @Test
  void aDryRunListsWhatWouldBeRedrivenAndPublishesNothing() {
    List<DeadLetterRedrive.Redriven> listed =
        run(
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--dlq",
            DLQ,
            "--type",
            "MemberUpdated",
            "--dry-run");

    assertThat(listed).extracting(DeadLetterRedrive.Redriven::eventId).containsExactly(updated);
    assertThat(listed.get(0).reason()).isEqualTo("payload does not fit");
    // the DLQ's own sentinel: nothing of m-2 reached the source topic
    client.send(TOPIC, "sentinel", "{}", Map.of());
    assertThat(client.awaitRecords(TOPIC, r -> true, 1, WAIT))
        .noneMatch(r -> "m-2".equals(r.key()));
  }

  @Test
  void optionsAreCheckedBeforeAnythingRuns() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DeadLetterRedrive.Options.parse("--dlq", DLQ))
        .hasMessageContaining("--bootstrap-servers");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DeadLetterRedrive.Options.parse("--event-id", "not-a-uuid"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<DeadLetterRedrive.Redriven> run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<DeadLetterRedrive.Redriven> done =
        DeadLetterRedrive.run(
            DeadLetterRedrive.Options.parse(args),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("-> " + TOPIC);
    return done;
  }

  private static Map<String, String> deadLetter(String eventId, String type) {
    return Map.of(
        CloudEventHeaders.SPEC_VERSION,
        "1.0",
        CloudEventHeaders.ID,
        eventId,
        CloudEventHeaders.TYPE,
        type,
        CloudEventHeaders.SOURCE,
        "/members-service",
        CloudEventHeaders.TRACEPARENT,
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "dead-letter-topic",
        TOPIC,
        "dead-letter-reason",
        "payload does not fit",
        "dead-letter-partition",
        "0",
        "dead-letter-offset",
        "7");
  }
}
