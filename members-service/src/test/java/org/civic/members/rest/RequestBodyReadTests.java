package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.web.http.SmallJsonBodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * A small JSON body reaches a blocking endpoint from memory, read on the event loop ({@link
 * SmallJsonBodies}); a large one, one of unknown length or one over HTTP/2 still streams to the
 * worker. Checked on a test-only endpoint that reports where its body came from.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class RequestBodyReadTests {
  @TestHTTPResource("/api/v1/test-only/body-source")
  URI bodySource;

  /** Test-only: hidden from the API document, so the access matrix does not list it. */
  @Path("/api/v1/test-only/body-source")
  public static class BodySource {
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String source(Map<String, Object> body, RoutingContext context) {
      String from = context.body().buffer() == null ? "stream" : "memory";
      return from + " " + body.get("name").toString().length();
    }
  }

  @Test
  void aSmallJsonBodyComesFromMemory() {
    given()
        .contentType("application/json; charset=UTF-8")
        .body("{\"name\": \"王秀英\"}")
        .post("/api/v1/test-only/body-source")
        .then()
        .statusCode(200)
        .body(equalTo("memory 3"));
  }

  @Test
  void aBodyOverTheLimitStreamsAndArrivesWhole() {
    String name = "x".repeat((int) SmallJsonBodies.MAX_BYTES);
    given()
        .contentType("application/json")
        .body("{\"name\": \"" + name + "\"}")
        .post("/api/v1/test-only/body-source")
        .then()
        .statusCode(200)
        .body(equalTo("stream " + name.length()));
  }

  @Test
  void aBodyOfUnknownLengthStreams() throws Exception {
    // java.net.http sends a body from a stream chunked, without a Content-Length.
    byte[] json = "{\"name\": \"chunked\"}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(bodySource)
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("stream 7");
  }

  /**
   * Over HTTP/2 (here h2c, as java.net.http upgrades a plain connection after its first request)
   * the body streams: Quarkus REST pauses the request as it starts, which Vert.x refuses on an
   * HTTP/2 request already read. Reading it ahead there gave city systems' generated clients 500s.
   */
  @Test
  void overHttp2TheBodyStreams() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    client.send(
        HttpRequest.newBuilder(bodySource.resolve("/q/health/live")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(bodySource)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\": \"王秀英\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("stream 3");
  }

  @Test
  void malformedJsonIsStillAProblem() {
    given()
        .contentType("application/json")
        .body("{\"name\": ")
        .post("/api/v1/test-only/body-source")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", startsWith("The body is not valid JSON"));
  }
}
