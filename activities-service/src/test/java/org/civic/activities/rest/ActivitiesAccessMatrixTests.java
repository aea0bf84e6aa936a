package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.ReactiveContexts;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;
import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of the service's OpenAPI document against every caller: the five roles in scope,
 * the same roles out of scope, no token, an expired token and a token signed by another key. The
 * table is the access policy of activities-service (docs/activities-service.md, "Access"); {@link
 * #everyOperationOfTheApiDocumentIsInTheMatrix} fails when an endpoint is added without a row.
 *
 * <p>In scope: the demo street's STREET_ADMIN, C1's COMMUNITY_SECRETARY, B1's BRANCH_SECRETARY, the
 * demo street's CITY_SYSTEM, MEMBER M1. Out of scope: S2's STREET_ADMIN, C2's COMMUNITY_SECRETARY,
 * B2's BRANCH_SECRETARY (same community, other branch), S2's CITY_SYSTEM, MEMBER M2 (of B2). Every
 * case targets B1's records ({@link SecurityWorld}); a change that could only succeed once gets a
 * fresh record for each case expected to succeed.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "activities"))
class ActivitiesAccessMatrixTests {

  /**
   * Expected status per caller. Columns: STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY,
   * CITY_SYSTEM, MEMBER in scope | the same roles out of scope. Paths under /api/v1. "200e": 200
   * with nothing of B1 in it (total 0); a list's or report's 200 in scope then also has total > 0.
   * Without a token, with an expired one or one signed by another key every operation is a 401.
   */
  static final String MATRIX =
      """
      # operation                                         in scope              | out of scope
      #                                                   SA  CS  BS  CY  ME    | SA   CS   BS   CY  ME
      POST   /activities                                  201 201 201 403 403   | 403  403  403  403 403
      GET    /activities                                  200 200 200 403 200   | 200e 200e 200e 403 200e
      GET    /activities/{id}                             200 200 200 403 200   | 404  404  404  403 404
      PUT    /activities/{id}                             200 200 200 403 403   | 404  404  404  403 403
      POST   /activities/{id}/cancellation                200 200 200 403 403   | 404  404  404  403 403
      GET    /activities/{id}/attendance                  200 200 200 403 403   | 404  404  404  403 403
      PUT    /activities/{id}/attendance                  200 200 200 403 403   | 404  404  404  403 403
      GET    /branches/{branchId}/visit-plan              200 200 200 403 403   | 403  403  403  403 403
      GET    /branches/{branchId}/visit-compliance        200 200 200 200 403   | 403  403  403  403 403
      GET    /branches/{branchId}/meeting-compliance      200 200 200 200 403   | 403  403  403  403 403
      GET    /branches/{branchId}/volunteer-hours         200 200 200 200 200   | 403  403  403  403 200e
      GET    /branches/{branchId}/ledger                  200 200 200 403 403   | 403  403  403  403 403
      GET    /branches/{branchId}/roster                  200 200 200 403 403   | 403  403  403  403 403
      POST   /concerns                                    201 201 201 403 403   | 403  403  403  403 403
      GET    /concerns                                    200 200 200 403 403   | 200e 200e 200e 403 403
      GET    /concerns/{id}                               200 200 200 403 403   | 404  404  404  403 403
      POST   /concerns/{id}/assignment                    200 200 200 403 403   | 404  404  404  403 403
      POST   /concerns/{id}/resolution                    200 200 200 403 403   | 404  404  404  403 403
      POST   /concerns/{id}/escalation                    200 200 200 403 403   | 404  404  404  403 403
      GET    /reference/buildings/{id}                    200 200 200 200 403   | 403  403  200  403 403
      POST   /visits                                      201 201 201 403 403   | 403  403  403  403 403
      GET    /visits                                      200 200 200 403 200   | 200e 200e 200e 403 200e
      GET    /visits/{id}                                 200 200 200 403 200   | 404  404  404  403 404
      PUT    /visits/{id}/follow-up                       200 200 200 403 403   | 404  404  404  403 403
      POST   /volunteer-teams                             201 201 201 403 403   | 403  403  403  403 403
      GET    /volunteer-teams                             200 200 200 403 403   | 200e 200e 200e 403 403
      GET    /volunteer-teams/{id}                        200 200 200 403 403   | 404  404  404  403 403
      PUT    /volunteer-teams/{id}                        200 200 200 403 403   | 404  404  404  403 403
      GET    /volunteer-teams/{id}/members                200 200 200 403 403   | 404  404  404  403 403
      POST   /volunteer-teams/{id}/members                201 201 201 403 403   | 404  404  404  403 403
      DELETE /volunteer-teams/{id}/members/{memberId}     204 204 204 403 403   | 404  404  404  403 403
      GET    /volunteer-teams/{id}/candidates             200 200 200 403 403   | 404  404  404  403 403
      POST   /volunteer-teams/{id}/service-records        201 201 201 403 403   | 404  404  404  403 403
      GET    /volunteer-teams/{id}/service-records        200 200 200 403 200   | 404  404  404  403 404
      GET    /audit-entries                               200 403 403 403 403   | 200  403  403  403 403
      """;

  // Notes on the table:
  // - Activities, visits, concerns and teams outside the scope are 404, like records that do not
  //   exist; branches and buildings are organisational: 403.
  // - Writes aimed at another branch, community or household (POST with B1 or H1) are 403.
  // - A MEMBER's lists hold only their own: activities they are expected at, visits to their
  //   household, their service records and hours (M2 asking for B1's hours gets none: 200e).
  // - CITY_SYSTEM reads aggregates only: compliance and volunteer totals (without households or
  //   names) and buildings.
  // - Buildings are reference data: B2's secretary reads C1's buildings like B1's (same community).
  // - The audit log (web-commons) is not scoped by street: any STREET_ADMIN of the deployment
  //   (docs/security.md, "Left open").

  /** The five roles, in the order of the columns. */
  static final List<String> ROLES =
      List.of("STREET_ADMIN", "COMMUNITY_SECRETARY", "BRANCH_SECRETARY", "CITY_SYSTEM", "MEMBER");

  /** "200e": a 200 whose {@code total} is 0. */
  static final int EMPTY = -200;

  /** One row of the matrix. */
  record Op(String method, String path, int[] inScope, int[] outOfScope) {
    String name() {
      return method + " " + path;
    }

    boolean hasEmptyAnswers() {
      for (int s : outOfScope) {
        if (s == EMPTY) {
          return true;
        }
      }
      return false;
    }
  }

  /** How one case calls an operation: path values, query, If-Match and body. */
  record Call(Map<String, String> path, String query, boolean ifMatch, String body) {
    static Call of(Map<String, String> path) {
      return new Call(path, null, false, null);
    }

    Call query(String q) {
      return new Call(path, q, ifMatch, body);
    }

    Call body(String b) {
      return new Call(path, query, ifMatch, b);
    }

    /** The change is made with {@code If-Match: *} (the version is not what is tested here). */
    Call ifMatchAny() {
      return new Call(path, query, true, body);
    }
  }

  /**
   * How to call each operation (key: method and path as in the table). The argument is true when
   * the case is expected to succeed: operations that succeed only once then get a fresh record.
   */
  static Map<String, Function<Boolean, Call>> calls(SecurityWorld w) {
    Map<String, Function<Boolean, Call>> calls = new LinkedHashMap<>();
    Map<String, String> none = Map.of();
    Map<String, String> a1 = Map.of("id", w.a1);
    Map<String, String> b1 = Map.of("branchId", w.b1.toString());
    Map<String, String> k1 = Map.of("id", w.k1);
    Map<String, String> t1 = Map.of("id", w.t1);
    String period = "from=" + w.from + "&to=" + w.to;
    calls.put(
        "POST /activities",
        ok ->
            Call.of(none)
                .body(
                    """
                    {"branchId":"%s","type":"PARTY_LESSON","title":"矩阵党课","startsAt":"%s"}
                    """
                        .formatted(w.b1, w.past)));
    calls.put("GET /activities", ok -> Call.of(none).query("branchId=" + w.b1));
    calls.put("GET /activities/{id}", ok -> Call.of(a1));
    calls.put(
        "PUT /activities/{id}",
        ok ->
            Call.of(a1)
                .ifMatchAny()
                .body(
                    "{\"title\":\"主题党日（改）\",\"startsAt\":\"%s\",\"place\":\"党员之家\"}"
                        .formatted(w.past)));
    calls.put(
        "POST /activities/{id}/cancellation",
        ok -> Call.of(Map.of("id", w.aCancel)).ifMatchAny().body("{}"));
    calls.put("GET /activities/{id}/attendance", ok -> Call.of(a1));
    calls.put(
        "PUT /activities/{id}/attendance",
        ok ->
            Call.of(a1)
                .ifMatchAny()
                .body(
                    "{\"entries\":[{\"memberId\":\"%s\",\"attendance\":\"PRESENT\"}]}"
                        .formatted(w.m1)));
    calls.put("GET /branches/{branchId}/visit-plan", ok -> Call.of(b1));
    calls.put("GET /branches/{branchId}/visit-compliance", ok -> Call.of(b1));
    calls.put("GET /branches/{branchId}/meeting-compliance", ok -> Call.of(b1).query(period));
    calls.put("GET /branches/{branchId}/volunteer-hours", ok -> Call.of(b1).query(period));
    calls.put("GET /branches/{branchId}/ledger", ok -> Call.of(b1).query(period));
    calls.put("GET /branches/{branchId}/roster", ok -> Call.of(b1));
    calls.put(
        "POST /concerns",
        ok ->
            Call.of(none)
                .body(
                    "{\"branchId\":\"%s\",\"category\":\"SUGGESTION\",\"title\":\"矩阵\",\"raisedByName\":\"居民\"}"
                        .formatted(w.b1)));
    calls.put("GET /concerns", ok -> Call.of(none).query("branchId=" + w.b1));
    calls.put("GET /concerns/{id}", ok -> Call.of(k1));
    calls.put(
        "POST /concerns/{id}/assignment",
        ok -> Call.of(k1).ifMatchAny().body("{\"memberId\":\"%s\"}".formatted(w.m1)));
    calls.put(
        "POST /concerns/{id}/resolution",
        ok ->
            Call.of(Map.of("id", ok ? w.assignedConcern() : w.k1))
                .ifMatchAny()
                .body("{\"resolution\":\"已修好\"}"));
    calls.put(
        "POST /concerns/{id}/escalation",
        ok ->
            Call.of(Map.of("id", ok ? w.openConcern() : w.k1))
                .ifMatchAny()
                .body("{\"escalatedTo\":\"COMMUNITY\"}"));
    calls.put("GET /reference/buildings/{id}", ok -> Call.of(Map.of("id", w.bl1.toString())));
    calls.put(
        "POST /visits",
        ok ->
            Call.of(none)
                .body(
                    """
                    {"householdId":"%s","branchId":"%s","visitorMemberId":"%s","visitedAt":"%s",
                     "kind":"ROUTINE"}
                    """
                        .formatted(w.h1, w.b1, w.m1, w.past)));
    calls.put("GET /visits", ok -> Call.of(none).query("householdId=" + w.h1));
    calls.put("GET /visits/{id}", ok -> Call.of(Map.of("id", w.v1)));
    calls.put(
        "PUT /visits/{id}/follow-up",
        ok ->
            Call.of(Map.of("id", w.v1)).ifMatchAny().body("{\"resolved\":true,\"note\":\"已送医\"}"));
    calls.put(
        "POST /volunteer-teams",
        ok ->
            Call.of(none)
                .body(
                    "{\"branchId\":\"%s\",\"name\":\"矩阵队-%s\",\"kind\":\"SANITATION\"}"
                        .formatted(w.b1, java.util.UUID.randomUUID())));
    calls.put("GET /volunteer-teams", ok -> Call.of(none).query("branchId=" + w.b1));
    calls.put("GET /volunteer-teams/{id}", ok -> Call.of(t1));
    calls.put(
        "PUT /volunteer-teams/{id}",
        ok ->
            Call.of(t1)
                .ifMatchAny()
                .body("{\"name\":\"%s\",\"description\":\"义诊\"}".formatted(w.t1Name)));
    calls.put("GET /volunteer-teams/{id}/members", ok -> Call.of(t1));
    calls.put(
        "POST /volunteer-teams/{id}/members",
        ok ->
            Call.of(Map.of("id", ok ? w.emptyTeam() : w.t1))
                .body("{\"memberId\":\"%s\"}".formatted(w.m1b)));
    calls.put(
        "DELETE /volunteer-teams/{id}/members/{memberId}",
        ok -> Call.of(Map.of("id", ok ? w.teamWithM1() : w.t1, "memberId", w.m1.toString())));
    calls.put("GET /volunteer-teams/{id}/candidates", ok -> Call.of(t1));
    calls.put(
        "POST /volunteer-teams/{id}/service-records",
        ok ->
            Call.of(t1)
                .body(
                    "{\"memberId\":\"%s\",\"servedOn\":\"%s\",\"hours\":1.5}"
                        .formatted(w.m1, w.yesterday)));
    calls.put("GET /volunteer-teams/{id}/service-records", ok -> Call.of(t1));
    calls.put("GET /audit-entries", ok -> Call.of(none));
    return calls;
  }

  static List<Op> matrix() {
    List<Op> ops = new ArrayList<>();
    for (String line : MATRIX.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] halves = line.split("\\|");
      String[] left = halves[0].trim().split("\\s+");
      String[] right = halves[1].trim().split("\\s+");
      int[] inScope = new int[5];
      int[] outOfScope = new int[5];
      for (int i = 0; i < 5; i++) {
        inScope[i] = status(left[2 + i]);
        outOfScope[i] = status(right[i]);
      }
      ops.add(new Op(left[0], left[1], inScope, outOfScope));
    }
    return ops;
  }

  private static int status(String cell) {
    return cell.equals("200e") ? EMPTY : Integer.parseInt(cell);
  }

  @TestFactory
  List<DynamicTest> everyOperationAgainstEveryCaller() {
    SecurityWorld w = SecurityWorld.get();
    Map<String, Function<Boolean, Call>> calls = calls(w);
    Map<String, String> inScope =
        Map.of(
            "STREET_ADMIN", TestTokens.streetAdmin(),
            "COMMUNITY_SECRETARY", TestTokens.of("COMMUNITY_SECRETARY", w.c1),
            "BRANCH_SECRETARY", TestTokens.of("BRANCH_SECRETARY", w.b1),
            "CITY_SYSTEM", TestTokens.of("CITY_SYSTEM", Tokens.DEMO_STREET),
            "MEMBER", TestTokens.member(w.m1));
    Map<String, String> outOfScope =
        Map.of(
            "STREET_ADMIN", TestTokens.of("STREET_ADMIN", w.s2),
            "COMMUNITY_SECRETARY", TestTokens.of("COMMUNITY_SECRETARY", w.c2),
            "BRANCH_SECRETARY", TestTokens.of("BRANCH_SECRETARY", w.b2),
            "CITY_SYSTEM", TestTokens.of("CITY_SYSTEM", w.s2),
            "MEMBER", TestTokens.member(w.m2));
    Map<String, String> unauthenticated = new LinkedHashMap<>();
    unauthenticated.put("no token", "");
    unauthenticated.put("an expired token", TestTokens.expired("STREET_ADMIN", Tokens.DEMO_STREET));
    unauthenticated.put(
        "a token signed by another key",
        TestTokens.signedByAnotherKey("STREET_ADMIN", Tokens.DEMO_STREET));
    List<DynamicTest> tests = new ArrayList<>();
    for (Op op : matrix()) {
      Function<Boolean, Call> call = calls.get(op.name());
      assertThat(call).as("how to call " + op.name()).isNotNull();
      for (int i = 0; i < ROLES.size(); i++) {
        String role = ROLES.get(i);
        tests.add(caseOf(op, call, role + " in scope", inScope.get(role), op.inScope()[i]));
        tests.add(
            caseOf(op, call, role + " out of scope", outOfScope.get(role), op.outOfScope()[i]));
      }
      unauthenticated.forEach((who, token) -> tests.add(caseOf(op, call, who, token, 401)));
    }
    System.out.printf("ACCESS MATRIX: %d operations, %d cases%n", matrix().size(), tests.size());
    return tests;
  }

  private static DynamicTest caseOf(
      Op op, Function<Boolean, Call> calls, String caller, String token, int expected) {
    int status = expected == EMPTY ? 200 : expected;
    return dynamicTest(
        op.name() + " as " + caller + " → " + (expected == EMPTY ? "200 (empty)" : status),
        () -> {
          Call call = calls.apply(status >= 200 && status < 300);
          RequestSpecification request = given();
          if (token.isEmpty()) {
            request.auth().none();
          } else {
            request.auth().oauth2(token);
          }
          if (call.query() != null) {
            for (String pair : call.query().split("&")) {
              String[] kv = pair.split("=", 2);
              request.queryParam(kv[0], kv[1]);
            }
          }
          if (call.ifMatch()) {
            request.header("If-Match", "*");
          }
          if (call.body() != null) {
            request.contentType("application/json").body(call.body());
          }
          String path = "/api/v1" + op.path();
          for (Map.Entry<String, String> p : call.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
          }
          Response response = request.request(op.method(), path);
          assertThat(response.statusCode())
              .as("%s as %s: %s", op.name(), caller, response.asString())
              .isEqualTo(status);
          if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
          }
          if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
          }
          if (expected == EMPTY) {
            assertThat(((Number) response.path("total")).doubleValue())
                .as("%s as %s sees nothing of B1: %s", op.name(), caller, response.asString())
                .isZero();
          } else if (status == 200 && op.hasEmptyAnswers() && caller.endsWith("in scope")) {
            assertThat(((Number) response.path("total")).doubleValue())
                .as("%s as %s sees B1's records: %s", op.name(), caller, response.asString())
                .isPositive();
          }
        });
  }

  /**
   * ADR 0011: a Mutiny stage (every step of the authentication and role check above) captures no
   * CDI or transaction context; their plain providers sent every capture down the slow path.
   */
  @Test
  void reactiveStagesPropagateNeitherCdiNorTransactionContexts() {
    assertThat(ReactiveContexts.capturedTypes())
        .doesNotContain(ThreadContext.CDI, ThreadContext.TRANSACTION);
  }

  @Test
  void everyOperationOfTheApiDocumentIsInTheMatrix() throws Exception {
    String document =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode paths = new ObjectMapper().readTree(document).get("paths");
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
          documented.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    Set<String> inMatrix =
        matrix().stream()
            .map(op -> op.method() + " /api/v1" + op.path())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inMatrix)
        .as("operations of /q/openapi without a row in the access matrix")
        .containsAll(documented);
    assertThat(documented)
        .as("matrix rows for operations the API does not have")
        .containsAll(inMatrix);
  }
}
