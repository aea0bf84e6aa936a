package org.civic.activities.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/**
 * The small organisation the access tests run in, built once through events and the API.
 *
 * <pre>
 * demo street (Tokens.DEMO_STREET)
 *   community C1
 *     building BL1 — branch B1: M1 (household H1, tag medical), M1b (household H1b, tag nursing)
 *     building BL2 — branch B2: M2 (household H2)
 * street S2
 *   community C2
 *     building BL3 — branch B3: M3 (household H3)
 * </pre>
 *
 * Records (made by the street administrators): in B1 the held activity A1 (M1 and M1b expected),
 * the scheduled activity aCancel (for cancellations), visit V1 of H1 with a follow-up, concern K1,
 * team T1 (MEDICAL, members M1 and M1b, service records of both); in B2 activity A2, visit V2,
 * concern K2, team T2; in B3 activity A3, visit V3, concern K3, team T3.
 */
final class SecurityWorld {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  final UUID s2 = UUID.randomUUID();
  final UUID c1 = UUID.randomUUID();
  final UUID c2 = UUID.randomUUID();
  final UUID bl1 = UUID.randomUUID();
  final UUID bl2 = UUID.randomUUID();
  final UUID bl3 = UUID.randomUUID();
  final UUID b1 = UUID.randomUUID();
  final UUID b2 = UUID.randomUUID();
  final UUID b3 = UUID.randomUUID();
  final UUID m1 = UUID.randomUUID();
  final UUID m1b = UUID.randomUUID();
  final UUID m2 = UUID.randomUUID();
  final UUID m3 = UUID.randomUUID();
  final UUID h1 = UUID.randomUUID();
  final UUID h1b = UUID.randomUUID();
  final UUID h2 = UUID.randomUUID();
  final UUID h3 = UUID.randomUUID();

  /** Two days ago: activities held then can take attendance. */
  final String past = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(2).withNano(0).toString();

  final String yesterday = LocalDate.now(ZONE).minusDays(1).toString();
  final String from = LocalDate.now(ZONE).minusDays(30).toString();
  final String to = LocalDate.now(ZONE).toString();

  String a1;
  String aCancel;
  String v1;
  String k1;
  String t1;
  String t1Name;
  String a2;
  String v2;
  String k2;
  String t2;
  String a3;
  String v3;
  String k3;
  String t3;

  private static SecurityWorld world;

  /** The world, built on first use (the same one for every test class of this JVM). */
  static synchronized SecurityWorld get() {
    if (world == null) {
      SecurityWorld w = new SecurityWorld();
      w.build();
      world = w;
    }
    return world;
  }

  String streetAdmin() {
    return TestTokens.streetAdmin();
  }

  String otherStreetAdmin() {
    return TestTokens.of("STREET_ADMIN", s2);
  }

  private void build() {
    TestEvents.buildingRegistered(bl1, c1, Tokens.DEMO_STREET, "1号楼");
    TestEvents.buildingRegistered(bl2, c1, Tokens.DEMO_STREET, "2号楼");
    TestEvents.buildingRegistered(bl3, c2, s2, "3号楼");
    TestEvents.branchEstablished(b1, c1, "1号楼党支部", bl1);
    TestEvents.branchEstablished(b2, c1, "2号楼党支部", bl2);
    TestEvents.branchEstablished(b3, c2, "3号楼党支部", bl3);
    join(m1, "甲一", c1, bl1, h1, b1, "medical");
    join(m1b, "甲二", c1, bl1, h1b, b1, "nursing");
    join(m2, "乙一", c1, bl2, h2, b2);
    join(m3, "丙一", c2, bl3, h3, b3);
    awaitRoster(streetAdmin(), b1, m1, m1b);
    awaitRoster(streetAdmin(), b2, m2);
    awaitRoster(otherStreetAdmin(), b3, m3);

    String admin = streetAdmin();
    a1 = activity(admin, b1, past);
    aCancel = activity(admin, b1, OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString());
    v1 = visit(admin, h1, b1, m1);
    k1 = concern(admin, b1, "楼道灯坏了");
    t1Name = "医疗服务队-" + UUID.randomUUID();
    t1 = team(admin, b1, t1Name, "MEDICAL");
    addToTeam(admin, t1, m1);
    addToTeam(admin, t1, m1b);
    serve(admin, t1, m1, "2");
    serve(admin, t1, m1b, "3");
    a2 = activity(admin, b2, past);
    v2 = visit(admin, h2, b2, m2);
    k2 = concern(admin, b2, "乙楼的事");
    t2 = team(admin, b2, "巡逻队-" + UUID.randomUUID(), "PATROL");
    String other = otherStreetAdmin();
    a3 = activity(other, b3, past);
    v3 = visit(other, h3, b3, m3);
    k3 = concern(other, b3, "丙楼的事");
    t3 = team(other, b3, "巡逻队-" + UUID.randomUUID(), "PATROL");

    // A member's household comes from members.events: wait until M1 sees the visit to H1.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(TestTokens.member(m1))
                    .get("/api/v1/visits")
                    .then()
                    .statusCode(200)
                    .body("total", greaterThanOrEqualTo(1)));
  }

  private static void join(
      UUID member,
      String name,
      UUID community,
      UUID building,
      UUID household,
      UUID branch,
      String... tags) {
    TestEvents.memberRegistered(member, name, community, building, household, tags);
    TestEvents.rosterChanged(
        member,
        branch,
        "JOINED",
        "REGISTERED",
        name,
        household,
        building,
        community,
        TestEvents.nextVersion());
  }

  static void awaitRoster(String token, UUID branch, UUID... members) {
    String[] ids = java.util.Arrays.stream(members).map(UUID::toString).toArray(String[]::new);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(token)
                    .get("/api/v1/branches/" + branch + "/roster")
                    .then()
                    .statusCode(200)
                    .body("memberId", hasItems(ids)));
  }

  static String post(String token, String path, String body, int status) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then()
        .statusCode(status)
        .extract()
        .path("id");
  }

  static String activity(String token, UUID branch, String startsAt) {
    return post(
        token,
        "/api/v1/activities",
        """
        {"branchId":"%s","type":"THEME_DAY","title":"主题党日","startsAt":"%s"}
        """
            .formatted(branch, startsAt),
        201);
  }

  static String visit(String token, UUID household, UUID branch, UUID visitor) {
    return post(
        token,
        "/api/v1/visits",
        """
        {"householdId":"%s","branchId":"%s","visitorMemberId":"%s","visitedAt":"%s",
         "kind":"ILLNESS","notes":"住院，需要照顾","followUpNeeded":true}
        """
            .formatted(
                household, branch, visitor, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)),
        201);
  }

  static String concern(String token, UUID branch, String title) {
    return post(
        token,
        "/api/v1/concerns",
        """
        {"branchId":"%s","category":"DIFFICULTY","title":"%s","description":"独居老人","raisedByName":"居民"}
        """
            .formatted(branch, title),
        201);
  }

  static String team(String token, UUID branch, String name, String kind) {
    return post(
        token,
        "/api/v1/volunteer-teams",
        """
        {"branchId":"%s","name":"%s","kind":"%s"}
        """
            .formatted(branch, name, kind),
        201);
  }

  static void addToTeam(String token, String team, UUID member) {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body("{\"memberId\":\"%s\"}".formatted(member))
        .post("/api/v1/volunteer-teams/" + team + "/members")
        .then()
        .statusCode(201);
  }

  void serve(String token, String team, UUID member, String hours) {
    post(
        token,
        "/api/v1/volunteer-teams/" + team + "/service-records",
        """
        {"memberId":"%s","servedOn":"%s","hours":%s,"description":"义诊"}
        """
            .formatted(member, yesterday, hours),
        201);
  }

  /** A new concern of B1, assigned to M1 (for resolutions). */
  String assignedConcern() {
    String id = concern(streetAdmin(), b1, "待解决");
    given()
        .auth()
        .oauth2(streetAdmin())
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body("{\"memberId\":\"%s\"}".formatted(m1))
        .post("/api/v1/concerns/" + id + "/assignment")
        .then()
        .statusCode(200);
    return id;
  }

  /** A new concern of B1 (for escalations). */
  String openConcern() {
    return concern(streetAdmin(), b1, "待上报");
  }

  /** A new team of B1 without members. */
  String emptyTeam() {
    return team(streetAdmin(), b1, "新队-" + UUID.randomUUID(), "PUBLICITY");
  }

  /** A new team of B1 with M1 in it. */
  String teamWithM1() {
    String team = emptyTeam();
    addToTeam(streetAdmin(), team, m1);
    return team;
  }
}
