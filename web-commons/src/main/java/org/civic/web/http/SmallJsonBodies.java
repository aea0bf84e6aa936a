package org.civic.web.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Reads a small JSON request body on the event loop, before Quarkus REST hands the request to a
 * worker thread.
 *
 * <p>Why: for a blocking endpoint Quarkus REST moves to a worker first and lets the worker read the
 * body through a blocking stream that the event loop feeds, a hand-off between the two threads on
 * every request (a shared monitor and a notify). Under registrations that hand-off was 12–14 % of
 * members-service's CPU samples (bench/README.md, "Session 12: request bodies"). A body already
 * read here is given to the endpoint from memory: Quarkus REST takes {@code RoutingContext.body()}
 * when it is there.
 *
 * <p>Only JSON bodies over HTTP/1.x that declare a length of at most {@link #MAX_BYTES}: uploads
 * (xlsx, CSV), bodies of unknown length and HTTP/2 requests stream as before, and Quarkus' own
 * {@code max-body-size} check runs before this route. Authentication is not proactive in these
 * services, so a small body may be read before the request is refused: at most {@link #MAX_BYTES},
 * which the endpoint would have read anyway.
 */
@Singleton
public class SmallJsonBodies {
  /** Larger bodies stream (a JSON write of this API is well under 4 KiB). */
  public static final long MAX_BYTES = 64 * 1024;

  private final BodyHandler reader =
      BodyHandler.create(false)
          .setBodyLimit(MAX_BYTES)
          .setMergeFormAttributes(false)
          .setPreallocateBodyBuffer(true);

  void install(@Observes Router router) {
    router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    // HTTP/1.x only: over HTTP/2 Quarkus REST pauses the request when it starts, which Vert.x
    // refuses once the request has been read ("Request has already been read", a 500).
    if (request.version() != HttpVersion.HTTP_2
        && readsAhead(
            request.getHeader(HttpHeaders.CONTENT_TYPE),
            request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
      reader.handle(context); // calls next() once the body is in
    } else {
      context.next();
    }
  }

  /** Whether a body with these headers is read here: JSON, with a declared length in bounds. */
  static boolean readsAhead(String contentType, String contentLength) {
    if (contentType == null || contentLength == null) {
      return false;
    }
    long length;
    try {
      length = Long.parseLong(contentLength.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (length <= 0 || length > MAX_BYTES) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String type =
        (parameters < 0 ? contentType : contentType.substring(0, parameters))
            .trim()
            .toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }
}
