package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * Every operation of the service's OpenAPI document against every role: in scope, out of scope, no
 * token, an expired token and a token signed by another key. The table below is the access policy
 * of members-service (docs/members-service.md, "Access"); {@link
 * #everyOperationOfTheApiDocumentIsInTheMatrix} fails when an endpoint is added without a row.
 *
 * <p>Callers in scope: the demo street's STREET_ADMIN, C1's COMMUNITY_SECRETARY, B1's
 * BRANCH_SECRETARY, a CITY_SYSTEM of the demo street, MEMBER M1. Out of scope: S2's STREET_ADMIN,
 * C2's COMMUNITY_SECRETARY, B2's BRANCH_SECRETARY (same community, other branch), S2's CITY_SYSTEM,
 * MEMBER M2 (see {@link SecurityWorld}). Operations that change a member or a transfer get a fresh
 * one of B1 for each case expected to succeed; every other case targets M1, its household H1, its
 * transfer T1 or building1.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MembersAccessMatrixTests {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String JSON = "application/json";
  static final String CSV = "text/csv; charset=UTF-8";

  /**
   * The access matrix: expected status per caller. Columns: STREET_ADMIN, COMMUNITY_SECRETARY,
   * BRANCH_SECRETARY, CITY_SYSTEM, MEMBER in scope | the same roles out of scope. Paths under
   * /api/v1; "(csv)" and "(xlsx)" are the two bodies of one operation. Without a token, with an
   * expired one or one signed by another key every operation is a 401.
   */
  static final String MATRIX =
      """
      # operation                                 in scope              | out of scope
      #                                           SA  CS  BS  CY  ME    | SA  CS  BS  CY  ME
      POST /members                               201 201 403 403 403   | 403 403 403 403 403
      GET  /members                               200 200 200 403 200   | 200 200 200 403 200
      GET  /members/{id}                          200 200 200 403 200   | 404 404 404 403 404
      PUT  /members/{id}                          200 200 200 403 403   | 404 404 404 403 403
      POST /members/{id}/relocation               200 200 200 403 403   | 404 404 404 403 403
      POST /members/{id}/status                   200 200 200 403 403   | 404 404 404 403 403
      GET  /members/{id}/status-history           200 200 200 403 403   | 404 404 404 403 403
      GET  /members/{id}/residence-history        200 200 200 403 403   | 404 404 404 403 403
      GET  /members/{id}/sensitive-profile        200 200 200 403 200   | 404 404 404 403 404
      PUT  /members/{id}/sensitive-profile        200 200 200 403 403   | 404 404 404 403 403
      POST /members/import (csv)                  200 200 403 403 403   | 403 403 403 403 403
      POST /members/import (xlsx)                 200 200 403 403 403   | 403 403 403 403 403
      GET  /members/export                        200 200 200 403 403   | 200 200 200 403 403
      GET  /households                            200 200 200 403 200   | 200 200 200 403 200
      GET  /households/{id}                       200 200 200 403 200   | 404 404 404 403 404
      POST /transfers                             201 201 201 403 403   | 404 404 404 403 403
      GET  /transfers                             200 200 200 403 403   | 200 200 200 403 403
      GET  /transfers/{id}                        200 200 200 403 403   | 404 404 404 403 403
      POST /transfers/{id}/confirmation           200 200 200 403 403   | 404 404 404 403 403
      POST /transfers/{id}/rejection              200 200 200 403 403   | 404 404 404 403 403
      GET  /reference/buildings/{id}              200 200 200 200 403   | 403 403 200 403 403
      GET  /audit-entries                         200 403 403 403 403   | 200 403 403 403 403
      """;

  // Notes on the table:
  // - Lists and exports answer 200 out of scope too: they are filtered to nothing of C1/B1
  //   (MemberScopingTests checks their content).
  // - Buildings are reference data: B2's secretary reads C1's buildings like B1's (same community).
  // - The audit log (web-commons) is not scoped by street: any STREET_ADMIN of the deployment.

  /** What {id} in a path stands for. */
  enum Target {
    NONE,
    MEMBER,
    HOUSEHOLD,
    TRANSFER,
    BUILDING
  }

  /** The five roles, in the order of the columns. */
  static final List<String> ROLES =
      List.of("STREET_ADMIN", "COMMUNITY_SECRETARY", "BRANCH_SECRETARY", "CITY_SYSTEM", "MEMBER");

  /** One row of the matrix, with how to call it. */
  record Op(
      String method,
      String path,
      String variant,
      Target target,
      boolean fresh,
      String query,
      String contentType,
      String body,
      int[] inScope,
      int[] outOfScope) {
    String name() {
      return method + " " + path + (variant == null ? "" : " (" + variant + ")");
    }
  }

  static final String UPDATE =
      """
      {"name":"矩阵改","gender":"MALE","birthDate":"1950-01-01","standing":"FULL",
       "category":"RETIRED","version":0}
      """;
  static final String PROFILE =
      "{\"health\":\"良好\",\"hardship\":false,\"idNumber\":\"110101195001011239\"}";
  static final String IMPORT_CSV =
      "name,gender,birthDate,standing,category,buildingId,unit,room\n"
          + "矩阵导入,MALE,1950-01-01,FULL,RETIRED,{building},7,701\n";

  /** Query and body of the rows that need them (key: the row's operation as in the table). */
  static final Map<String, String[]> REQUESTS =
      Map.ofEntries(
          Map.entry(
              "POST /members",
              new String[] {
                null,
                JSON,
                TestData.memberJson("矩阵登记", null, "9", "901")
                    .replace("\"buildingId\":\"null\"", "\"buildingId\":\"{building}\"")
              }),
          Map.entry("PUT /members/{id}", new String[] {null, JSON, UPDATE}),
          Map.entry(
              "POST /members/{id}/relocation",
              new String[] {
                null, JSON, "{\"buildingId\":\"{otherBuilding}\",\"unit\":\"5\",\"room\":\"505\"}"
              }),
          Map.entry(
              "POST /members/{id}/status",
              new String[] {null, JSON, "{\"status\":\"LOST_CONTACT\",\"reason\":\"矩阵\"}"}),
          Map.entry("PUT /members/{id}/sensitive-profile", new String[] {null, JSON, PROFILE}),
          Map.entry("POST /members/import (csv)", new String[] {"dryRun=true", CSV, IMPORT_CSV}),
          Map.entry("POST /members/import (xlsx)", new String[] {"dryRun=true", XLSX, IMPORT_CSV}),
          Map.entry("GET /members/export", new String[] {"communityId={community}", null, null}),
          Map.entry(
              "POST /transfers",
              new String[] {null, JSON, SecurityWorld.outTransferJson("{member}")}),
          Map.entry("POST /transfers/{id}/confirmation", new String[] {null, JSON, "{}"}),
          Map.entry("POST /transfers/{id}/rejection", new String[] {null, JSON, "{}"}));

  /** The table as operations; targets and fresh targets follow from the path and method. */
  static List<Op> matrix() {
    List<Op> ops = new ArrayList<>();
    for (String line : MATRIX.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] halves = line.split("\\|");
      String[] left = halves[0].trim().split("\\s+");
      String[] right = halves[1].trim().split("\\s+");
      String method = left[0];
      String path = "/api/v1" + left[1];
      boolean hasVariant = left[2].startsWith("(");
      String variant = hasVariant ? left[2].substring(1, left[2].length() - 1) : null;
      int first = hasVariant ? 3 : 2;
      int[] inScope = new int[5];
      int[] outOfScope = new int[5];
      for (int i = 0; i < 5; i++) {
        inScope[i] = Integer.parseInt(left[first + i]);
        outOfScope[i] = Integer.parseInt(right[i]);
      }
      Target target =
          !path.endsWith("}") && !path.contains("{id}/")
              ? Target.NONE
              : path.startsWith("/api/v1/members/")
                  ? Target.MEMBER
                  : path.startsWith("/api/v1/households/")
                      ? Target.HOUSEHOLD
                      : path.startsWith("/api/v1/transfers/") ? Target.TRANSFER : Target.BUILDING;
      // A change needs a member or transfer no other case uses (POST /transfers: a member).
      boolean fresh =
          !method.equals("GET")
              && (target == Target.MEMBER
                  || target == Target.TRANSFER
                  || path.equals("/api/v1/transfers"));
      String key = method + " " + left[1] + (hasVariant ? " " + left[2] : "");
      String[] request = REQUESTS.getOrDefault(key, new String[3]);
      ops.add(
          new Op(
              method,
              path,
              variant,
              target,
              fresh,
              request[0],
              request[1],
              request[2],
              inScope,
              outOfScope));
    }
    return ops;
  }

  static SecurityWorld world;

  static synchronized SecurityWorld world() {
    if (world == null) {
      world = new SecurityWorld(24); // one per case expected to change a member or transfer
    }
    return world;
  }

  @TestFactory
  List<DynamicTest> everyOperationAgainstEveryCaller() throws Exception {
    SecurityWorld w = world();
    byte[] xlsx = importXlsx(w);
    Map<String, String> inScope =
        Map.of(
            "STREET_ADMIN", TestTokens.streetAdmin(),
            "COMMUNITY_SECRETARY", TestTokens.of("COMMUNITY_SECRETARY", w.c1),
            "BRANCH_SECRETARY", TestTokens.of("BRANCH_SECRETARY", w.b1),
            "CITY_SYSTEM", TestTokens.of("CITY_SYSTEM", Tokens.DEMO_STREET),
            "MEMBER", TestTokens.member(UUID.fromString(w.m1)));
    Map<String, String> outOfScope =
        Map.of(
            "STREET_ADMIN", TestTokens.of("STREET_ADMIN", w.s2),
            "COMMUNITY_SECRETARY", TestTokens.of("COMMUNITY_SECRETARY", w.c2),
            "BRANCH_SECRETARY", TestTokens.of("BRANCH_SECRETARY", w.b2),
            "CITY_SYSTEM", TestTokens.of("CITY_SYSTEM", w.s2),
            "MEMBER", TestTokens.member(UUID.fromString(w.m2)));
    Map<String, String> unauthenticated =
        Map.of(
            "no token", "",
            "expired token", TestTokens.expired("STREET_ADMIN", Tokens.DEMO_STREET),
            "token signed by another key",
                TestTokens.signedByAnotherKey("STREET_ADMIN", Tokens.DEMO_STREET));
    List<DynamicTest> tests = new ArrayList<>();
    for (Op op : matrix()) {
      for (int i = 0; i < ROLES.size(); i++) {
        String role = ROLES.get(i);
        tests.add(caseOf(op, role + " in scope", inScope.get(role), op.inScope()[i], w, xlsx));
        tests.add(
            caseOf(op, role + " out of scope", outOfScope.get(role), op.outOfScope()[i], w, xlsx));
      }
      for (Map.Entry<String, String> e :
          new TreeSet<>(unauthenticated.keySet())
              .stream().map(k -> Map.entry(k, unauthenticated.get(k))).toList()) {
        tests.add(caseOf(op, e.getKey(), e.getValue(), 401, w, xlsx));
      }
    }
    System.out.printf("ACCESS MATRIX: %d operations, %d cases%n", matrix().size(), tests.size());
    return tests;
  }

  private static DynamicTest caseOf(
      Op op, String caller, String token, int expected, SecurityWorld w, byte[] xlsx) {
    return dynamicTest(
        op.name() + " as " + caller + " → " + expected,
        () -> {
          boolean fresh = op.fresh() && expected >= 200 && expected < 300;
          String member = fresh && op.target() != Target.TRANSFER ? w.freshMember() : w.m1;
          String id =
              switch (op.target()) {
                case MEMBER -> member;
                case HOUSEHOLD -> w.household1;
                case TRANSFER -> fresh ? w.freshTransfer() : w.transfer1;
                case BUILDING -> w.building1.toString();
                case NONE -> null;
              };
          Function<String, String> fill =
              s ->
                  s.replace("{id}", String.valueOf(id))
                      .replace("{member}", member)
                      .replace("{community}", w.c1.toString())
                      .replace("{otherBuilding}", w.building1b.toString())
                      .replace("{building}", w.building1.toString());
          RestAssured.requestSpecification = null;
          RequestSpecification request = given();
          if (token.isEmpty()) {
            request.auth().none();
          } else {
            request.auth().oauth2(token);
          }
          if (op.query() != null) {
            for (String pair : fill.apply(op.query()).split("&")) {
              String[] kv = pair.split("=", 2);
              request.queryParam(kv[0], kv[1]);
            }
          }
          if (op.contentType() != null) {
            request.contentType(op.contentType());
            if (XLSX.equals(op.contentType())) {
              request.body(xlsx);
            } else {
              request.body(fill.apply(op.body() == null ? "" : op.body()));
            }
          }
          Response response = request.request(op.method(), fill.apply(op.path()));
          assertThat(response.statusCode())
              .as("%s as %s: %s", op.name(), caller, response.asString())
              .isEqualTo(expected);
          if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
          }
        });
  }

  private static byte[] importXlsx(SecurityWorld w) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    Iterator<String> lines = IMPORT_CSV.lines().iterator();
    while (lines.hasNext()) {
      rows.add(
          List.of(
              (Object[]) lines.next().replace("{building}", w.building1.toString()).split(",")));
    }
    return MemberImportResourceTests.xlsx(rows);
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
            .map(op -> op.method() + " " + op.path())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inMatrix)
        .as("operations of /q/openapi without a row in the access matrix")
        .containsAll(documented);
    assertThat(documented)
        .as("matrix rows for operations the API does not have")
        .containsAll(inMatrix);
  }
}
