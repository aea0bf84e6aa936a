package org.civic.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTests {

  @Test
  void envelopeSurvivesARoundTripThroughKafkaHeaders() {
    EventEnvelope envelope =
        new EventEnvelope(
            UUID.randomUUID(),
            "MemberRelocated",
            OffsetDateTime.parse("2026-11-29T08:15:30Z"),
            "Member",
            "4f1c",
            12,
            "members-service",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.write(envelope, headers);

    assertThat(CloudEventHeaders.read(headers)).isEqualTo(envelope);
  }

  @Test
  void missingIdIsAPoisonEvent() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.TYPE, "X".getBytes());
    assertThatThrownBy(() -> CloudEventHeaders.read(headers))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("missing CloudEvents header");
  }

  @Test
  void malformedVersionIsAPoisonEvent() {
    RecordHeaders headers = new RecordHeaders();
    CloudEventHeaders.write(
        new EventEnvelope(UUID.randomUUID(), "T", OffsetDateTime.now(), "A", "1", 1, "p", null),
        headers);
    headers.remove(CloudEventHeaders.AGGREGATE_VERSION);
    headers.add(CloudEventHeaders.AGGREGATE_VERSION, "seven".getBytes());
    assertThatThrownBy(() -> CloudEventHeaders.read(headers))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("malformed");
  }
}
