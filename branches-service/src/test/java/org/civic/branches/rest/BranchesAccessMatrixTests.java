package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civic.branches.AccessWorld;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.ReactiveContexts;
import org.civic.localinfra.security.TestTokens;
import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of the OpenAPI document against every role (bound in scope: the demo street S1,
 * community C1, branch B1, member M1), an out-of-scope caller of each allowed role (street S2,
 * community C2, branch BX of C2, city system of S2), no token, an expired token and a token signed
 * by another key. The world is in {@link AccessWorld}.
 *
 * <p>Reading the table: one row per operation (some operations have two rows with different
 * targets); SA = STREET_ADMIN, CS = COMMUNITY_SECRETARY, BS = BRANCH_SECRETARY, CITY = CITY_SYSTEM,
 * MEM = MEMBER; "out" is what each allowed role gets when bound outside the target's scope (403 for
 * organisational records and writes; lists answer 200 with only what the caller may see, which
 * {@link BranchesScopingTests} checks). Operations that use something up (establish, dissolve,
 * merge) get a fresh target for each allowed call.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class BranchesAccessMatrixTests {

  enum Who {
    STREET_ADMIN,
    COMMUNITY_SECRETARY,
    BRANCH_SECRETARY,
    CITY_SYSTEM,
    MEMBER
  }

  /** A concrete request: path, JSON body (or null). */
  record Req(String path, Object body) {}

  /**
   * One row: the operation as in the OpenAPI document, the expected status per role in scope, for
   * the out-of-scope callers of the allowed roles, and how to make the request ({@code fresh} is
   * true for an allowed caller in scope, which may use its target up).
   */
  record Row(
      String method,
      String operation,
      int sa,
      int cs,
      int bs,
      int city,
      int member,
      int outOfScope,
      String requestName,
      BiFunction<AccessWorld, Boolean, Req> request) {

    int expected(Who who) {
      return switch (who) {
        case STREET_ADMIN -> sa;
        case COMMUNITY_SECRETARY -> cs;
        case BRANCH_SECRETARY -> bs;
        case CITY_SYSTEM -> city;
        case MEMBER -> member;
      };
    }

    String key() {
      return method + " " + operation;
    }
  }

  static Req get(String path) {
    return new Req(path, null);
  }

  static Req send(String path, Object body) {
    return new Req(path, body);
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID();
  }

  /**
   * The matrix. Columns: method, operation (as in the OpenAPI document), expected status for SA,
   * CS, BS, CITY, MEM in scope, for the allowed roles out of scope, and the request (below).
   */
  static final String TABLE =
      """
      GET  /api/v1/audit-entries                          200 403 403 403 403  200  audit
      POST /api/v1/org-units                              201 403 403 403 403  403  community-in-S1
      POST /api/v1/org-units                              201 201 403 403 403  403  unit-org-in-C1
      GET  /api/v1/org-units                              200 200 200 200 403  200  own-top-unit
      GET  /api/v1/org-units                              200 200 403 200 403  403  children-of-C1
      GET  /api/v1/org-units/{id}                         200 200 200 200 403  403  unit-B1
      GET  /api/v1/org-units/{id}/tree                    200 200 403 200 403  403  tree-of-C1
      GET  /api/v1/org-units/{id}/tree                    200 200 200 200 403  403  tree-of-B1
      POST /api/v1/buildings                              201 201 403 403 403  403  building-in-C1
      GET  /api/v1/buildings                              200 200 200 200 403  200  buildings-of-C1
      GET  /api/v1/buildings/{id}                         200 200 200 200 403  403  building1
      GET  /api/v1/communities/{id}/branch-eligibility    200 200 200 200 403  403  eligibility-C1
      POST /api/v1/branches                               201 201 403 403 403  403  establish-in-C1
      GET  /api/v1/branches                               200 200 200 200 403  200  branches-of-C1
      GET  /api/v1/branches/alerts                        200 200 200 200 403  200  alerts
      GET  /api/v1/branches/{id}                          200 200 200 200 403  403  branch-B1
      GET  /api/v1/branches/{id}/roster                   200 200 200 403 403  403  roster-B1
      PUT  /api/v1/branches/{id}/coverage                 200 200 403 403 403  403  same-coverage-B1
      POST /api/v1/branches/{id}/dissolution              200 200 403 403 403  403  dissolve
      POST /api/v1/branches/{id}/merge                    200 200 403 403 403  403  merge-into-J1
      POST /api/v1/branches/{id}/terms                    201 201 403 403 403  403  elect-B1
      GET  /api/v1/branches/{id}/terms                    200 200 200 403 403  403  terms-B1
      GET  /api/v1/terms/expiring                         200 200 200 200 403  200  expiring
      GET  /api/v1/branches/{id}/resources                200 200 200 200 403  403  resources-B1
      PUT  /api/v1/branches/{id}/resources                200 200 200 403 403  403  update-resources-B1
      POST /api/v1/branches/{id}/assessments              201 201 403 403 403  403  goals-B1
      GET  /api/v1/branches/{id}/assessments              200 200 200 200 403  403  assessments-B1
      GET  /api/v1/branches/{id}/assessments/{year}       200 200 200 200 403  403  assessment-B1
      PUT  /api/v1/branches/{id}/assessments/{year}       200 200 403 403 403  403  record-assessment-B1
      POST /api/v1/honours                                201 201 403 403 403  403  honour-B1
      GET  /api/v1/honours                                200 200 200 200 403  200  honours
      """;

  /** The requests of the table; {@code fresh}: an allowed caller in scope, may use a target up. */
  static final Map<String, BiFunction<AccessWorld, Boolean, Req>> REQUESTS =
      Map.ofEntries(
          Map.entry("audit", (w, fresh) -> get("/api/v1/audit-entries")),
          Map.entry(
              "community-in-S1",
              (w, fresh) ->
                  send(
                      "/api/v1/org-units",
                      Map.of(
                          "parentId",
                          w.s1.toString(),
                          "kind",
                          "COMMUNITY_COMMITTEE",
                          "name",
                          unique("社区")))),
          Map.entry(
              "unit-org-in-C1",
              (w, fresh) ->
                  send(
                      "/api/v1/org-units",
                      Map.of(
                          "parentId",
                          w.c1.toString(),
                          "kind",
                          "UNIT_ORGANISATION",
                          "name",
                          unique("驻区单位")))),
          Map.entry("own-top-unit", (w, fresh) -> get("/api/v1/org-units")),
          Map.entry("children-of-C1", (w, fresh) -> get("/api/v1/org-units?parentId=" + w.c1)),
          Map.entry("unit-B1", (w, fresh) -> get("/api/v1/org-units/" + w.b1)),
          Map.entry("tree-of-C1", (w, fresh) -> get("/api/v1/org-units/" + w.c1 + "/tree")),
          Map.entry("tree-of-B1", (w, fresh) -> get("/api/v1/org-units/" + w.b1 + "/tree")),
          Map.entry(
              "building-in-C1",
              (w, fresh) ->
                  send(
                      "/api/v1/buildings",
                      Map.of("communityId", w.c1.toString(), "name", unique("楼"), "units", 2))),
          Map.entry("buildings-of-C1", (w, fresh) -> get("/api/v1/buildings?communityId=" + w.c1)),
          Map.entry("building1", (w, fresh) -> get("/api/v1/buildings/" + w.building1)),
          Map.entry(
              "eligibility-C1",
              (w, fresh) -> get("/api/v1/communities/" + w.c1 + "/branch-eligibility")),
          Map.entry(
              "establish-in-C1",
              (w, fresh) ->
                  send(
                      "/api/v1/branches",
                      Map.of(
                          "communityId",
                          w.c1.toString(),
                          "name",
                          unique("支部"),
                          "kind",
                          "BUILDING_BRANCH",
                          "buildingIds",
                          List.of((fresh ? w.spareBuilding() : w.building1).toString())))),
          Map.entry("branches-of-C1", (w, fresh) -> get("/api/v1/branches?communityId=" + w.c1)),
          Map.entry("alerts", (w, fresh) -> get("/api/v1/branches/alerts")),
          Map.entry("branch-B1", (w, fresh) -> get("/api/v1/branches/" + w.b1)),
          Map.entry("roster-B1", (w, fresh) -> get("/api/v1/branches/" + w.b1 + "/roster")),
          Map.entry(
              "same-coverage-B1",
              (w, fresh) ->
                  send(
                      "/api/v1/branches/" + w.b1 + "/coverage",
                      Map.of(
                          "buildingIds",
                          List.of(w.building1.toString()),
                          "version",
                          AccessWorld.version("/api/v1/branches/" + w.b1)))),
          Map.entry(
              "dissolve",
              (w, fresh) -> {
                UUID branch = fresh ? w.freshBranch() : w.b1;
                return send(
                    "/api/v1/branches/" + branch + "/dissolution",
                    Map.of(
                        "reason",
                        "测试撤销",
                        "version",
                        AccessWorld.version("/api/v1/branches/" + branch)));
              }),
          Map.entry(
              "merge-into-J1",
              (w, fresh) -> {
                UUID branch = fresh ? w.freshBranch() : w.b1;
                return send(
                    "/api/v1/branches/" + branch + "/merge",
                    Map.of(
                        "intoBranchId",
                        w.j1.toString(),
                        "version",
                        AccessWorld.version("/api/v1/branches/" + branch)));
              }),
          Map.entry(
              "elect-B1",
              (w, fresh) -> send("/api/v1/branches/" + w.b1 + "/terms", AccessWorld.term(w.m1))),
          Map.entry("terms-B1", (w, fresh) -> get("/api/v1/branches/" + w.b1 + "/terms")),
          Map.entry("expiring", (w, fresh) -> get("/api/v1/terms/expiring?withinDays=3650")),
          Map.entry("resources-B1", (w, fresh) -> get("/api/v1/branches/" + w.b1 + "/resources")),
          Map.entry(
              "update-resources-B1",
              (w, fresh) ->
                  send(
                      "/api/v1/branches/" + w.b1 + "/resources",
                      Map.of(
                          "activityRoom",
                          true,
                          "roomAreaM2",
                          32,
                          "subscriptions",
                          "人民日报",
                          "version",
                          AccessWorld.version("/api/v1/branches/" + w.b1 + "/resources")))),
          Map.entry(
              "goals-B1",
              (w, fresh) ->
                  send(
                      "/api/v1/branches/" + w.b1 + "/assessments",
                      Map.of("year", fresh ? w.freshYear() : 2099, "goals", "目标"))),
          Map.entry(
              "assessments-B1", (w, fresh) -> get("/api/v1/branches/" + w.b1 + "/assessments")),
          Map.entry(
              "assessment-B1",
              (w, fresh) -> get("/api/v1/branches/" + w.b1 + "/assessments/" + w.assessedYear)),
          Map.entry(
              "record-assessment-B1",
              (w, fresh) -> {
                String path = "/api/v1/branches/" + w.b1 + "/assessments/" + w.assessedYear;
                return send(
                    path,
                    Map.of(
                        "goals",
                        "目标",
                        "midYearNotes",
                        "年中检查",
                        "version",
                        AccessWorld.version(path)));
              }),
          Map.entry(
              "honour-B1",
              (w, fresh) ->
                  send("/api/v1/honours", w.branchHonour(w.b1, fresh ? w.freshYear() : 2099))),
          Map.entry("honours", (w, fresh) -> get("/api/v1/honours")));

  static final List<Row> MATRIX = parse(TABLE);

  static List<Row> parse(String table) {
    List<Row> rows = new ArrayList<>();
    for (String line : table.strip().split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length != 9 || !REQUESTS.containsKey(f[8])) {
        throw new IllegalArgumentException("Bad matrix row: " + line);
      }
      rows.add(
          new Row(
              f[0],
              f[1],
              Integer.parseInt(f[2]),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              Integer.parseInt(f[5]),
              Integer.parseInt(f[6]),
              Integer.parseInt(f[7]),
              f[8],
              REQUESTS.get(f[8])));
    }
    return rows;
  }

  /** The token of a role bound in scope of the world's targets. */
  static String inScope(Who who, AccessWorld w) {
    return switch (who) {
      case STREET_ADMIN -> TestTokens.of("STREET_ADMIN", w.s1);
      case COMMUNITY_SECRETARY -> TestTokens.of("COMMUNITY_SECRETARY", w.c1);
      case BRANCH_SECRETARY -> TestTokens.of("BRANCH_SECRETARY", w.b1);
      case CITY_SYSTEM -> TestTokens.of("CITY_SYSTEM", w.s1);
      case MEMBER -> TestTokens.member(w.m1);
    };
  }

  /** The same role bound in the other street (S2, C2, BX). */
  static String outOfScope(Who who, AccessWorld w) {
    return switch (who) {
      case STREET_ADMIN -> TestTokens.of("STREET_ADMIN", w.s2);
      case COMMUNITY_SECRETARY -> TestTokens.of("COMMUNITY_SECRETARY", w.c2);
      case BRANCH_SECRETARY -> TestTokens.of("BRANCH_SECRETARY", w.bx);
      case CITY_SYSTEM -> TestTokens.of("CITY_SYSTEM", w.s2);
      case MEMBER -> throw new IllegalArgumentException("MEMBER is allowed nowhere here");
    };
  }

  /** A case: who calls (a token, or null for none) and what they must get. */
  record Case(String name, String token, int expected, boolean fresh) {}

  static List<Case> cases(Row row, AccessWorld w) {
    List<Case> cases = new ArrayList<>();
    for (Who who : Who.values()) {
      int expected = row.expected(who);
      boolean allowed = expected < 300;
      cases.add(new Case(who + " in scope", inScope(who, w), expected, allowed));
      if (allowed) {
        cases.add(new Case(who + " out of scope", outOfScope(who, w), row.outOfScope(), false));
      }
    }
    cases.add(new Case("no token", null, 401, false));
    cases.add(new Case("expired token", TestTokens.expired("STREET_ADMIN", w.s1), 401, false));
    cases.add(
        new Case(
            "token signed by another key",
            TestTokens.signedByAnotherKey("STREET_ADMIN", w.s1),
            401,
            false));
    return cases;
  }

  static int matrixSize(AccessWorld w) {
    return MATRIX.stream().mapToInt(r -> cases(r, w).size()).sum();
  }

  @TestFactory
  Stream<DynamicTest> everyOperationAgainstEveryCaller() {
    AccessWorld w = AccessWorld.get();
    System.out.printf(
        "branches-service access matrix: %d rows, %d cases%n", MATRIX.size(), matrixSize(w));
    return MATRIX.stream()
        .flatMap(
            row ->
                cases(row, w).stream()
                    .map(
                        c ->
                            dynamicTest(
                                row.key()
                                    + " ["
                                    + row.requestName()
                                    + "] as "
                                    + c.name()
                                    + " → "
                                    + c.expected(),
                                () -> run(row, c, w))));
  }

  static void run(Row row, Case c, AccessWorld w) {
    Req req = row.request().apply(w, c.fresh());
    RequestSpecification spec = given();
    spec = c.token() == null ? spec.auth().none() : spec.auth().oauth2(c.token());
    if (req.body() != null) {
      spec = spec.contentType(ContentType.JSON).body(req.body());
    }
    Response response = spec.request(row.method(), req.path());
    assertThat(response.statusCode())
        .as("%s %s as %s: %s", row.method(), req.path(), c.name(), response.asString())
        .isEqualTo(c.expected());
    if (c.expected() >= 400) {
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    if (c.expected() == 401) {
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
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
  void theMatrixCoversEveryOperationOfTheOpenApiDocument() {
    Map<String, Map<String, Object>> paths =
        given()
            .auth()
            .none()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
      for (String method : path.getValue().keySet()) {
        if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
          documented.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    Set<String> covered =
        MATRIX.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered)
        .as("operations in the OpenAPI document without a row in the access matrix")
        .containsAll(documented);
    assertThat(documented)
        .as("matrix rows for operations that no longer exist")
        .containsAll(covered);
  }

  @Test
  void everyRowNamesAKnownMethodAndEveryRoleGetsAnAnswer() {
    assertThat(REQUESTS.keySet())
        .as("requests no row uses")
        .isEqualTo(MATRIX.stream().map(Row::requestName).collect(Collectors.toSet()));
    for (Row r : MATRIX) {
      assertThat(Set.of("GET", "POST", "PUT", "PATCH", "DELETE")).contains(r.method());
      for (Who who : Who.values()) {
        assertThat(r.expected(who)).as(r.key() + " " + who).isIn(200, 201, 403, 404);
      }
    }
  }
}
