package org.civic.localinfra.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The "once" rule, against a stand-in for branches-service (no real service needed). */
class DemoDataTests {
  private static final String STREET = "11111111-1111-1111-1111-111111111111";
  private static final String COMMUNITY = "22222222-2222-2222-2222-222222222222";
  private static final String BRANCH = "33333333-3333-3333-3333-333333333333";

  private HttpServer server;
  private final List<String> requests = new ArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(Map<String, String> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
          requests.add(request);
          String path = exchange.getRequestURI().getPath();
          String query = exchange.getRequestURI().getQuery();
          String body =
              answers.getOrDefault(
                  path + (query != null && query.contains("parentId") ? "?parent" : ""), null);
          byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  private static String page(String... items) {
    return "{\"items\":["
        + String.join(",", items)
        + "],\"page\":0,\"size\":200,\"total\":"
        + items.length
        + ",\"totalPages\":1}";
  }

  @Test
  void loadsNothingWhenTheDemoIsAlreadyThereAndShowsItsIds() throws IOException {
    URI branches =
        serve(
            Map.of(
                "/api/v1/org-units",
                page("{\"id\":\"" + STREET + "\",\"name\":\"中华门街道党工委\"}"),
                "/api/v1/org-units?parent",
                page("{\"id\":\"" + COMMUNITY + "\",\"name\":\"金贡里社区党委\"}"),
                "/api/v1/branches",
                page("{\"id\":\"" + BRANCH + "\",\"name\":\"金贡里6号楼党支部\",\"members\":14}"),
                "/api/v1/branches/" + BRANCH + "/roster",
                page("{\"memberId\":\"" + COMMUNITY + "\"}")));
    List<String> log = new ArrayList<>();
    DemoData.Outcome outcome =
        new DemoData(branches, branches, branches, "t", log::add).loadIfEmpty();

    assertFalse(outcome.loaded());
    assertTrue(outcome.summary().contains("already present"), outcome.summary());
    assertTrue(
        outcome.summary().contains("/api/v1/communities/" + COMMUNITY + "/branch-eligibility"));
    assertTrue(outcome.summary().contains("/api/v1/branches/" + BRANCH + "/visit-compliance"));
    assertTrue(requests.stream().allMatch(r -> r.startsWith("GET ")), requests.toString());
    assertEquals(COMMUNITY, String.valueOf(outcome.community()));
    assertEquals(BRANCH, String.valueOf(outcome.branch()));
    assertEquals(
        COMMUNITY,
        String.valueOf(outcome.member())); // the roster's first memberId, for the MEMBER token
  }

  @Test
  void loadsNothingIntoAnotherStreet() throws IOException {
    URI branches =
        serve(
            Map.of("/api/v1/org-units", page("{\"id\":\"" + STREET + "\",\"name\":\"夫子庙街道党工委\"}")));
    DemoData.Outcome outcome =
        new DemoData(branches, branches, branches, "t", s -> {}).loadIfEmpty();

    assertFalse(outcome.loaded());
    assertTrue(outcome.summary().contains("not the demo street"), outcome.summary());
    assertTrue(requests.stream().allMatch(r -> r.startsWith("GET ")), requests.toString());
  }
}
