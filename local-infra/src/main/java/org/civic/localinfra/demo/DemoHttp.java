package org.civic.localinfra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** JSON over HTTP for the demo loader: public REST APIs only, clear errors, polling. */
final class DemoHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String bearerToken;
  private int requests;

  DemoHttp(String bearerToken) {
    this.bearerToken = bearerToken;
  }

  /** A response: status and body (JSON, or the raw text when it is not JSON). */
  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new DemoDataException("Not JSON: " + abbreviate(body), e);
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  int requests() {
    return requests;
  }

  Reply send(String method, URI uri, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + bearerToken);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    requests++;
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new DemoDataException(method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoDataException(method + " " + uri + " interrupted", e);
    }
  }

  /** GET that must succeed. */
  JsonNode get(URI uri) {
    return expectOk("GET", uri, null, send("GET", uri, null, null));
  }

  /** POST (or PUT) of JSON that must succeed; returns the response body. */
  JsonNode write(String method, URI uri, JsonNode body) {
    String text = body.toString();
    return expectOk(method, uri, text, send(method, uri, "application/json", text));
  }

  JsonNode post(URI uri, JsonNode body) {
    return write("POST", uri, body);
  }

  JsonNode put(URI uri, JsonNode body) {
    return write("PUT", uri, body);
  }

  /** Every item of a paged list ({@code items, totalPages}), 200 per page. */
  List<JsonNode> all(URI base, String query) {
    List<JsonNode> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      String q = (query == null || query.isEmpty() ? "" : query + "&") + "size=200&page=" + page;
      JsonNode json = get(URI.create(base + "?" + q));
      json.path("items").forEach(items::add);
      if (page + 1 >= json.path("totalPages").asInt(0)) {
        return items;
      }
    }
  }

  private static JsonNode expectOk(String method, URI uri, String body, Reply reply) {
    if (!reply.ok()) {
      throw new DemoDataException(
          String.format(
              "%s %s answered %d: %s%s",
              method,
              uri,
              reply.status(),
              abbreviate(reply.body()),
              body == null ? "" : "\n  request: " + abbreviate(body)));
    }
    return reply.json();
  }

  /**
   * Polls until {@code check} returns null (done) or the timeout passes; {@code check} returns what
   * it is still waiting for, which the timeout error repeats.
   *
   * @return how long it took, in milliseconds
   */
  static long await(String what, Duration timeout, Supplier<String> check) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    String waitingFor;
    while (true) {
      try {
        waitingFor = check.get();
      } catch (DemoDataException e) {
        waitingFor = e.getMessage();
      }
      if (waitingFor == null) {
        return (System.nanoTime() - started) / 1_000_000;
      }
      if (System.nanoTime() > deadline) {
        throw new DemoDataException(
            "Timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + ": "
                + waitingFor
                + ". Are the services consuming their Kafka topics? See .local/logs/.");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DemoDataException("Interrupted while waiting for " + what, e);
      }
    }
  }

  static String abbreviate(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() > 1200 ? flat.substring(0, 1200) + "..." : flat;
  }
}
