package org.civic.branches;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;

/**
 * The small organisation the access tests run against, built once per database through the public
 * API:
 *
 * <pre>
 * demo street S1 (Tokens.DEMO_STREET)                 street S2 (its own administrator)
 *  └ community C1                                      └ community C2
 *     ├ branch B1 over building1 (M1 + 2 full members)    └ branch BX over buildingX (3 full)
 *     ├ branch B2 over building2 (3 full members)
 *     ├ joint branch J1 over jointA (2 full) + jointB (1 full)
 *     └ spare buildings (3 full members each), for the operations that use a branch up
 * </pre>
 *
 * B1 has a term (2026-2028), goals for 2026, an ADVANCED_BUILDING_BRANCH honour for 2026 and M1 an
 * OUTSTANDING_MEMBER honour for 2026; BX a term and an honour.
 */
public final class AccessWorld {
  private static AccessWorld world;
  private static String worldDatabase;

  public final UUID s1 = Tokens.DEMO_STREET;
  public UUID c1;
  public UUID b1;
  public UUID b2;
  public UUID j1;
  public UUID building1;
  public UUID building2;
  public UUID m1;
  public List<UUID> b1Members;
  public List<UUID> b2Members;
  public UUID s2;
  public String s2Admin;
  public UUID c2;
  public UUID bx;
  public UUID buildingX;
  public List<UUID> bxMembers;
  public final int assessedYear = 2026;
  private final ConcurrentLinkedDeque<UUID> spareBuildings = new ConcurrentLinkedDeque<>();
  private final AtomicInteger nextYear = new AtomicInteger(2040);

  private AccessWorld() {}

  /** The world of the current test database (built on first use). */
  public static synchronized AccessWorld get() {
    Fixtures.demoStreet();
    String database = LocalInfraTestResource.jdbcUrl("branches");
    if (world == null || !database.equals(worldDatabase)) {
      world = build();
      worldDatabase = database;
    }
    return world;
  }

  private static AccessWorld build() {
    String admin = TestTokens.streetAdmin();
    AccessWorld w = new AccessWorld();
    w.c1 = Fixtures.community();
    w.building1 = Fixtures.building(w.c1, "B1楼");
    w.building2 = Fixtures.building(w.c1, "B2楼");
    UUID jointA = Fixtures.building(w.c1, "J1甲楼");
    UUID jointB = Fixtures.building(w.c1, "J1乙楼");
    List<UUID> spares = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      spares.add(Fixtures.building(w.c1, "备用楼" + i));
    }
    w.b1Members = Fixtures.fullMembers(w.c1, w.building1, 3);
    w.m1 = w.b1Members.get(0);
    w.b2Members = Fixtures.fullMembers(w.c1, w.building2, 3);
    Fixtures.fullMembers(w.c1, jointA, 2);
    Fixtures.fullMembers(w.c1, jointB, 1);
    for (UUID spare : spares) {
      Fixtures.fullMembers(w.c1, spare, 3);
    }

    Fixtures.Street street = Fixtures.street("对照街道" + UUID.randomUUID());
    w.s2 = street.id();
    w.s2Admin = street.adminToken();
    w.c2 =
        UUID.fromString(
            Fixtures.orgUnit(
                w.s2Admin, w.s2.toString(), "COMMUNITY_COMMITTEE", "对照社区" + UUID.randomUUID()));
    w.buildingX = Fixtures.building(w.s2Admin, w.c2, "X楼");
    w.bxMembers = Fixtures.fullMembers(w.c2, w.buildingX, 3);

    Fixtures.awaitResidents(admin, w.building1, 3);
    Fixtures.awaitResidents(admin, w.building2, 3);
    Fixtures.awaitResidents(admin, jointA, 2);
    Fixtures.awaitResidents(admin, jointB, 1);
    for (UUID spare : spares) {
      Fixtures.awaitResidents(admin, spare, 3);
    }
    Fixtures.awaitResidents(w.s2Admin, w.buildingX, 3);
    w.spareBuildings.addAll(spares);

    w.b1 = Fixtures.branch(w.c1, "BUILDING_BRANCH", "B1党支部", w.building1);
    w.b2 = Fixtures.branch(w.c1, "BUILDING_BRANCH", "B2党支部", w.building2);
    w.j1 = Fixtures.branch(w.c1, "JOINT_BRANCH", "J1联合支部", jointA, jointB);
    w.bx = Fixtures.branch(w.s2Admin, w.c2, "BUILDING_BRANCH", "X党支部", w.buildingX);

    post(admin, "/api/v1/branches/" + w.b1 + "/terms", term(w.m1));
    post(w.s2Admin, "/api/v1/branches/" + w.bx + "/terms", term(w.bxMembers.get(0)));
    post(
        admin,
        "/api/v1/branches/" + w.b1 + "/assessments",
        Map.of("year", w.assessedYear, "goals", "年初目标"));
    post(admin, "/api/v1/honours", w.branchHonour(w.b1, w.assessedYear));
    post(
        admin,
        "/api/v1/honours",
        Map.of(
            "kind",
            "OUTSTANDING_MEMBER",
            "year",
            w.assessedYear,
            "memberId",
            w.m1.toString(),
            "basis",
            "社区优秀党员"));
    post(w.s2Admin, "/api/v1/honours", w.branchHonour(w.bx, w.assessedYear));
    return w;
  }

  /** A term starting 2026-01-01 (ends 2028-12-31) with this member as secretary. */
  public static Map<String, Object> term(UUID secretary) {
    return Map.of(
        "startDate",
        "2026-01-01",
        "electionMethod",
        "NON_COMPETITIVE_ELECTION",
        "seats",
        List.of(Map.of("memberId", secretary.toString(), "role", "SECRETARY")));
  }

  public Map<String, Object> branchHonour(UUID branch, int year) {
    return Map.of(
        "kind",
        "ADVANCED_BUILDING_BRANCH",
        "year",
        year,
        "branchId",
        branch.toString(),
        "basis",
        "先进樓幢党支部");
  }

  /** A year no test has used yet (for goals and honours, which are once per year). */
  public int freshYear() {
    return nextYear.getAndIncrement();
  }

  /** A building of C1 with 3 full members and no branch; each is handed out once. */
  public UUID spareBuilding() {
    UUID b = spareBuildings.poll();
    if (b == null) {
      throw new IllegalStateException("No spare building left: add more in AccessWorld.build");
    }
    return b;
  }

  /** A new building branch of C1 over a spare building (as the demo street's administrator). */
  public UUID freshBranch() {
    return Fixtures.branch(c1, "BUILDING_BRANCH", "临时支部" + UUID.randomUUID(), spareBuilding());
  }

  /** The current version of a resource, read as the demo street's administrator. */
  public static long version(String path) {
    return given()
        .auth()
        .oauth2(TestTokens.streetAdmin())
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("version");
  }

  private static void post(String token, String path, Object body) {
    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then()
        .statusCode(201);
  }
}
