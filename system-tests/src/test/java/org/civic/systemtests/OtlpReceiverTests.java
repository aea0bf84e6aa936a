package org.civic.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test collector decodes what the OpenTelemetry SDK's OTLP exporter really sends. */
class OtlpReceiverTests {

  @Test
  void decodesTheSpansOfAnOtlpExportRequest() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    TestSpanData span =
        TestSpanData.builder()
            .setName("members.events publish")
            .setKind(SpanKind.PRODUCER)
            .setSpanContext(
                SpanContext.create(
                    trace, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault()))
            .setParentSpanContext(
                SpanContext.create(
                    trace, "1111111111111111", TraceFlags.getSampled(), TraceState.getDefault()))
            .setResource(
                Resource.create(
                    Attributes.of(
                        AttributeKey.stringKey("service.name"),
                        "members-service",
                        AttributeKey.longKey("process.pid"),
                        42L)))
            .setAttributes(
                Attributes.of(
                    AttributeKey.stringKey("messaging.kafka.message.key"),
                    "m-1",
                    AttributeKey.longKey("messaging.kafka.partition"),
                    2L))
            .setStartEpochNanos(1)
            .setEndEpochNanos(2)
            .setStatus(StatusData.ok())
            .setHasEnded(true)
            .setTotalRecordedEvents(0)
            .setTotalRecordedLinks(0)
            .build();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(List.of(span)).writeBinaryTo(body);

    List<OtlpReceiver.ReceivedSpan> spans = OtlpReceiver.decodeTraces(body.toByteArray());

    assertThat(spans).hasSize(1);
    OtlpReceiver.ReceivedSpan received = spans.get(0);
    assertThat(received.service()).isEqualTo("members-service");
    assertThat(received.traceId()).isEqualTo(trace);
    assertThat(received.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(received.parentSpanId()).isEqualTo("1111111111111111");
    assertThat(received.name()).isEqualTo("members.events publish");
    assertThat(received.kind()).isEqualTo(OtlpReceiver.Kind.PRODUCER);
    assertThat(received.attributes()).containsEntry("messaging.kafka.message.key", "m-1");
  }
}
