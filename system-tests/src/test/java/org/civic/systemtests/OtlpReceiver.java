package org.civic.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OpenTelemetry collector for the tests: accepts OTLP/HTTP protobuf trace exports on
 * {@code /v1/traces} and keeps the spans. It decodes just the fields the tests look at (resource
 * service.name, trace and span ids, parent, name, kind, string attributes) straight from the
 * protobuf wire format, so the tests need no collector and no protobuf classes.
 */
final class OtlpReceiver implements AutoCloseable {

  /** One received span. Ids are lower-case hex, as in a W3C traceparent. */
  record ReceivedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      Kind kind,
      Map<String, String> attributes) {}

  enum Kind {
    UNSPECIFIED,
    INTERNAL,
    SERVER,
    CLIENT,
    PRODUCER,
    CONSUMER
  }

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  OtlpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** For QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT. */
  String endpoint() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** What was posted (method, path, content type, size): for diagnosing a failed wait. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  List<ReceivedSpan> trace(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests.add(
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI()
              + " "
              + exchange.getRequestHeaders().getFirst("Content-Type")
              + " "
              + exchange.getRequestHeaders().getFirst("Content-Encoding")
              + " "
              + body.length);
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      // Quarkus posts to the endpoint as configured (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT, no
      // /v1/traces appended); the collector convention is /v1/traces. Both are traces here.
      if ("POST".equals(exchange.getRequestMethod())
          && !exchange.getRequestURI().getPath().matches(".*/v1/(metrics|logs)")) {
        try {
          spans.addAll(decodeTraces(body));
        } catch (RuntimeException e) {
          requests.add("cannot decode: " + e);
          exchange.sendResponseHeaders(400, -1);
          return;
        }
      }
      // An empty ExportTraceServiceResponse: everything accepted.
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /** ExportTraceServiceRequest: 1 = ResourceSpans. */
  static List<ReceivedSpan> decodeTraces(byte[] request) {
    List<ReceivedSpan> out = new ArrayList<>();
    Wire wire = new Wire(request);
    while (wire.more()) {
      int field = wire.tag();
      if (field == 1) {
        decodeResourceSpans(wire.bytes(), out);
      } else {
        wire.skip();
      }
    }
    return out;
  }

  /** ResourceSpans: 1 = Resource, 2 = ScopeSpans. */
  private static void decodeResourceSpans(byte[] message, List<ReceivedSpan> out) {
    String service = "";
    List<byte[]> scopes = new ArrayList<>();
    Wire wire = new Wire(message);
    while (wire.more()) {
      int field = wire.tag();
      if (field == 1) {
        service = attributes(wire.bytes(), 1).getOrDefault("service.name", "");
      } else if (field == 2) {
        scopes.add(wire.bytes());
      } else {
        wire.skip();
      }
    }
    for (byte[] scope : scopes) {
      // ScopeSpans: 2 = Span
      Wire scopeWire = new Wire(scope);
      while (scopeWire.more()) {
        int field = scopeWire.tag();
        if (field == 2) {
          out.add(decodeSpan(service, scopeWire.bytes()));
        } else {
          scopeWire.skip();
        }
      }
    }
  }

  /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes. */
  private static ReceivedSpan decodeSpan(String service, byte[] message) {
    String traceId = "";
    String spanId = "";
    String parent = "";
    String name = "";
    Kind kind = Kind.UNSPECIFIED;
    Map<String, String> attributes = new LinkedHashMap<>();
    Wire wire = new Wire(message);
    while (wire.more()) {
      int field = wire.tag();
      switch (field) {
        case 1 -> traceId = HexFormat.of().formatHex(wire.bytes());
        case 2 -> spanId = HexFormat.of().formatHex(wire.bytes());
        case 4 -> parent = HexFormat.of().formatHex(wire.bytes());
        case 5 -> name = new String(wire.bytes(), StandardCharsets.UTF_8);
        case 6 -> kind = Kind.values()[(int) wire.varint()];
        case 9 -> attributes.putAll(keyValue(wire.bytes()));
        default -> wire.skip();
      }
    }
    return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes);
  }

  /** The string attributes (KeyValue, field {@code field}) of a Resource. */
  private static Map<String, String> attributes(byte[] message, int field) {
    Map<String, String> out = new LinkedHashMap<>();
    Wire wire = new Wire(message);
    while (wire.more()) {
      if (wire.tag() == field) {
        out.putAll(keyValue(wire.bytes()));
      } else {
        wire.skip();
      }
    }
    return out;
  }

  /** KeyValue: 1 key, 2 AnyValue (1 string_value); other value kinds are left out. */
  private static Map<String, String> keyValue(byte[] message) {
    String key = null;
    String value = null;
    Wire wire = new Wire(message);
    while (wire.more()) {
      int field = wire.tag();
      if (field == 1) {
        key = new String(wire.bytes(), StandardCharsets.UTF_8);
      } else if (field == 2) {
        Wire any = new Wire(wire.bytes());
        while (any.more()) {
          if (any.tag() == 1) {
            value = new String(any.bytes(), StandardCharsets.UTF_8);
          } else {
            any.skip();
          }
        }
      } else {
        wire.skip();
      }
    }
    return key == null || value == null ? Map.of() : Map.of(key, value);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Reads the protobuf wire format: varints, and length-delimited and fixed-size fields. */
  private static final class Wire {
    private final byte[] data;
    private int pos;
    private int wireType;

    Wire(byte[] data) {
      this.data = data;
    }

    boolean more() {
      return pos < data.length;
    }

    int tag() {
      long tag = varint();
      wireType = (int) (tag & 7);
      return (int) (tag >>> 3);
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = data[pos++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    byte[] bytes() {
      if (wireType != 2) {
        throw new IllegalArgumentException("expected a length-delimited field, got " + wireType);
      }
      int length = (int) varint();
      byte[] out = new byte[length];
      System.arraycopy(data, pos, out, 0, length);
      pos += length;
      return out;
    }

    void skip() {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          int length = (int) varint(); // read first: `pos += varint()` would lose its bytes
          pos += length;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
      }
    }
  }
}
