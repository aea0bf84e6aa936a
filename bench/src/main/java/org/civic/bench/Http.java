package org.civic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** JSON over HTTP with the bearer token, as any client of the public APIs; plus a small pool. */
final class Http implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final URI members;
  final URI branches;
  final URI activities;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private volatile String token;
  private final AtomicLong requests = new AtomicLong();
  private final ExecutorService pool;

  Http(String token, int threads) {
    this.token = token;
    this.members = URI.create(env("BENCH_MEMBERS_URL", "http://localhost:8081"));
    this.branches = URI.create(env("BENCH_BRANCHES_URL", "http://localhost:8082"));
    this.activities = URI.create(env("BENCH_ACTIVITIES_URL", "http://localhost:8083"));
    this.pool = Executors.newFixedThreadPool(threads);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  void token(String token) {
    this.token = token;
  }

  String token() {
    return token;
  }

  long requests() {
    return requests.get();
  }

  record Reply(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + abbreviate(body), e);
      }
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  Reply send(String method, URI uri, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(300))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    requests.incrementAndGet();
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + uri + " interrupted", e);
    }
  }

  JsonNode get(URI uri) {
    return ok("GET", uri, null, send("GET", uri, null, null));
  }

  JsonNode post(URI uri, JsonNode body) {
    return write("POST", uri, body);
  }

  /**
   * A POST on the calling thread ({@link HttpURLConnection}, keep-alive), for a timed request from
   * idle: {@link HttpClient} hands each request to its selector thread and the reply back, two more
   * thread wake-ups, and a wake-up from idle costs ~0.2 ms on these VMs (bench/README item 2): the
   * same GET of a member answered in 3.0–3.2 ms through it and 1.9 ms through this, one request
   * every 20 ms.
   */
  JsonNode postOnThisThread(URI uri, JsonNode body) {
    byte[] text = body.toString().getBytes(StandardCharsets.UTF_8);
    requests.incrementAndGet();
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(300_000);
      connection.setRequestProperty("Accept", "application/json");
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setFixedLengthStreamingMode(text.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(text);
      }
      int status = connection.getResponseCode();
      // Read to the end either way, so the connection goes back to the keep-alive cache.
      InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      String reply;
      try (InputStream stream = in) {
        reply = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      }
      return ok("POST", uri, body.toString(), new Reply(status, reply));
    } catch (IOException e) {
      throw new IllegalStateException("POST " + uri + " failed: " + e, e);
    }
  }

  JsonNode put(URI uri, JsonNode body) {
    return write("PUT", uri, body);
  }

  JsonNode write(String method, URI uri, JsonNode body) {
    String text = body.toString();
    return ok(
        method,
        uri,
        text,
        send(method, uri, "application/json", text.getBytes(StandardCharsets.UTF_8)));
  }

  static JsonNode ok(String method, URI uri, String body, Reply reply) {
    if (!reply.ok()) {
      throw new IllegalStateException(
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

  /** Runs every task on the pool and waits; the first failure is rethrown. */
  <T> void parallel(List<T> items, Consumer<T> task) {
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> task.accept(item)));
    }
    RuntimeException failure = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  static String abbreviate(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() > 800 ? flat.substring(0, 800) + "..." : flat;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
