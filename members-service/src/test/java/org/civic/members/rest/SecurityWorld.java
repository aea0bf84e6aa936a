package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/**
 * A small organisation for the security tests, built through the API and faked branches.events:
 *
 * <pre>
 * demo street (Tokens.DEMO_STREET)            street S2
 *  └ community C1                               └ community C2
 *     ├ branch B1: building1                       └ branch B3: building3
 *     │   M1 and M1b (one household, H1)              M3
 *     ├ branch B2: building2
 *     │   M2
 *     └ building1b (no branch, target of relocations)
 * </pre>
 *
 * M1 has a sensitive profile with an ID number and an open OUT transfer (T1); M2 an open OUT
 * transfer (T2). Each test class builds its own world (random ids), so counts within C1, C2, B1 and
 * B2 are exact even though all test classes share one database.
 */
final class SecurityWorld {
  static final String M1_PHONE = "13811112222";
  static final String M1B_PHONE = "13933334444";
  static final String M1_ID_NUMBER = "11010519491231002X";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  final UUID street = Tokens.DEMO_STREET;
  final UUID c1 = UUID.randomUUID();
  final UUID b1 = UUID.randomUUID();
  final UUID b2 = UUID.randomUUID();
  final UUID s2 = UUID.randomUUID();
  final UUID c2 = UUID.randomUUID();
  final UUID b3 = UUID.randomUUID();
  final UUID building1;
  final UUID building1b;
  final UUID building2;
  final UUID building3;
  final String m1;
  final String m1b;
  final String m2;
  final String m3;
  final String household1;
  final String transfer1;
  final String transfer2;
  private final Deque<String> pool = new ArrayDeque<>();
  private int rosterVersion = 1;

  /** Builds the world; {@code poolSize} spare members of B1 for tests that change a member. */
  SecurityWorld(int poolSize) {
    // Built inside a test factory: make sure the default caller is the street admin.
    RestAssured.authentication = RestAssured.oauth2(TestTokens.streetAdmin());
    building1 = TestData.knownBuilding(c1);
    building1b = TestData.knownBuilding(c1);
    building2 = TestData.knownBuilding(c1);
    building3 = TestData.knownBuilding(c2, s2);
    m1 = register("李一", building1, "1", "101", M1_PHONE, TestTokens.streetAdmin());
    m1b = register("李一家", building1, "1", "101", M1B_PHONE, TestTokens.streetAdmin());
    m2 = register("王二", building2, "1", "201", "13755556666", TestTokens.streetAdmin());
    m3 = register("赵三", building3, "1", "301", "13677778888", TestTokens.of("STREET_ADMIN", s2));
    for (int i = 0; i < poolSize; i++) {
      pool.add(
          register(
              "池" + i, building1, "8", Integer.toString(800 + i), "1350000" + (1000 + i), null));
    }
    joinRoster(m1, b1);
    joinRoster(m1b, b1);
    joinRoster(m2, b2);
    joinRoster(m3, b3);
    pool.forEach(m -> joinRoster(m, b1));
    awaitBranch(b1, 2 + poolSize, TestTokens.streetAdmin());
    awaitBranch(b2, 1, TestTokens.streetAdmin());
    awaitBranch(b3, 1, TestTokens.of("STREET_ADMIN", s2));
    household1 = given().get("/api/v1/members/" + m1).then().extract().path("householdId");
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"health":"高血压","livingSituation":"独居","hardship":true,"hardshipReason":"低保",
             "idNumber":"%s"}
            """
                .formatted(M1_ID_NUMBER))
        .put("/api/v1/members/" + m1 + "/sensitive-profile")
        .then()
        .statusCode(200);
    transfer1 = requestOut(m1);
    transfer2 = requestOut(m2);
  }

  /** A member of B1 no other test touches (for operations that change a member). */
  synchronized String freshMember() {
    String m = pool.poll();
    if (m == null) {
      throw new IllegalStateException("the pool of spare members is empty: make it bigger");
    }
    return m;
  }

  /** An open OUT transfer of a fresh member of B1. */
  String freshTransfer() {
    return requestOut(freshMember());
  }

  static String outTransferJson(String memberId) {
    return """
        {"direction":"OUT","memberId":"%s","letterNumber":"宁组转〔2026〕9号",
         "validUntil":"%s","counterpartOrganisation":"鼓楼区华侨路社区党委"}
        """
        .formatted(memberId, TODAY.plusDays(30));
  }

  private static String requestOut(String memberId) {
    return given()
        .auth()
        .oauth2(TestTokens.streetAdmin())
        .contentType(ContentType.JSON)
        .body(outTransferJson(memberId))
        .post("/api/v1/transfers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String register(
      String name, UUID building, String unit, String room, String phone, String token) {
    String json = TestData.memberJson(name, building, unit, room).replace("13800000000", phone);
    return given()
        .auth()
        .oauth2(token == null ? TestTokens.streetAdmin() : token)
        .contentType(ContentType.JSON)
        .body(json)
        .post("/api/v1/members")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private void joinRoster(String memberId, UUID branch) {
    MemberEventsTests.roster(memberId, branch, "JOINED", rosterVersion);
  }

  private static void awaitBranch(UUID branch, int members, String token) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(token)
                        .queryParam("branchId", branch.toString())
                        .get("/api/v1/members")
                        .then()
                        .extract()
                        .<Integer>path("total")
                    == members);
  }
}
