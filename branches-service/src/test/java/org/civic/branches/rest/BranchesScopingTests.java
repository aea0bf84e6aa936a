package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.branches.AccessWorld;
import org.civic.branches.persistence.OrgTreeDirectory;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
import org.civic.web.security.CommunityDirectory;
import org.junit.jupiter.api.Test;

/**
 * Lists, reports and totals contain only what the caller may see; roster reads are audited. The
 * world (streets S1 and S2, communities C1 and C2, branches B1, B2, J1 and BX) is {@link
 * AccessWorld}.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class BranchesScopingTests {

  @Inject CommunityDirectory directory;

  static JsonPath read(String token, String path) {
    return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
  }

  static void forbidden(String token, String path) {
    given()
        .auth()
        .oauth2(token)
        .get(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  static List<String> strings(List<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }

  @Test
  void aBranchSecretarySeesOnlyTheirOwnBranch() {
    AccessWorld w = AccessWorld.get();
    String b1Secretary = TestTokens.of("BRANCH_SECRETARY", w.b1);

    JsonPath branches = read(b1Secretary, "/api/v1/branches?size=200");
    assertThat(branches.getList("items.id", String.class)).containsExactly(w.b1.toString());
    assertThat(branches.getLong("total")).isEqualTo(1);

    JsonPath buildings = read(b1Secretary, "/api/v1/buildings?size=200");
    assertThat(buildings.getList("items.id", String.class)).containsExactly(w.building1.toString());
    assertThat(buildings.getLong("total")).isEqualTo(1);

    JsonPath roster = read(b1Secretary, "/api/v1/branches/" + w.b1 + "/roster?size=200");
    assertThat(roster.getList("items.memberId", String.class))
        .containsExactlyInAnyOrderElementsOf(strings(w.b1Members))
        .doesNotContainAnyElementsOf(strings(w.b2Members));
    assertThat(roster.getLong("total")).isEqualTo(3);
    forbidden(b1Secretary, "/api/v1/branches/" + w.b2 + "/roster");
    forbidden(b1Secretary, "/api/v1/branches/" + w.b2);
    forbidden(b1Secretary, "/api/v1/buildings/" + w.building2);

    // the community report shows their branch's buildings only, and counts only those
    JsonPath eligibility = read(b1Secretary, "/api/v1/communities/" + w.c1 + "/branch-eligibility");
    assertThat(eligibility.getList("items.id", String.class))
        .containsExactly(w.building1.toString());
    assertThat(eligibility.getInt("buildings")).isEqualTo(1);
    assertThat(eligibility.getLong("members")).isEqualTo(3);

    assertThat(read(b1Secretary, "/api/v1/honours").getList("branchId", String.class))
        .isNotEmpty()
        .containsOnly(w.b1.toString());
    assertThat(
            read(b1Secretary, "/api/v1/terms/expiring?withinDays=3650")
                .getList("branchId", String.class))
        .isNotEmpty()
        .containsOnly(w.b1.toString());
    assertThat(read(b1Secretary, "/api/v1/org-units").getList("items.id", String.class))
        .containsExactly(w.b1.toString());
  }

  @Test
  void aCommunitySecretaryNeverSeesAnotherCommunity() {
    AccessWorld w = AccessWorld.get();
    String c1Secretary = TestTokens.of("COMMUNITY_SECRETARY", w.c1);

    JsonPath branches = read(c1Secretary, "/api/v1/branches?size=200");
    assertThat(branches.getList("items.communityId", String.class))
        .isNotEmpty()
        .containsOnly(w.c1.toString());
    assertThat(branches.getList("items.id", String.class))
        .contains(w.b1.toString(), w.b2.toString(), w.j1.toString())
        .doesNotContain(w.bx.toString());
    long c1Branches =
        read(TestTokens.streetAdmin(), "/api/v1/branches?size=200&communityId=" + w.c1)
            .getLong("total");
    assertThat(branches.getLong("total")).isEqualTo(c1Branches);
    assertThat(read(c1Secretary, "/api/v1/branches?communityId=" + w.c2).getLong("total")).isZero();

    JsonPath buildings = read(c1Secretary, "/api/v1/buildings?size=200");
    assertThat(buildings.getList("items.communityId", String.class)).containsOnly(w.c1.toString());
    assertThat(buildings.getLong("total")).isEqualTo(buildings.getList("items").size());
    assertThat(read(c1Secretary, "/api/v1/buildings?communityId=" + w.c2).getLong("total"))
        .isZero();

    assertThat(read(c1Secretary, "/api/v1/honours").getList("communityId", String.class))
        .isNotEmpty()
        .containsOnly(w.c1.toString());
    assertThat(
            read(c1Secretary, "/api/v1/terms/expiring?withinDays=3650")
                .getList("communityId", String.class))
        .isNotEmpty()
        .containsOnly(w.c1.toString());
    assertThat(read(c1Secretary, "/api/v1/org-units").getList("items.id", String.class))
        .containsExactly(w.c1.toString());

    forbidden(c1Secretary, "/api/v1/communities/" + w.c2 + "/branch-eligibility");
    forbidden(c1Secretary, "/api/v1/org-units/" + w.c2);
    forbidden(c1Secretary, "/api/v1/org-units/" + w.s1 + "/tree");
    forbidden(c1Secretary, "/api/v1/branches/" + w.bx + "/roster");

    // writes aimed at another community: 403, nothing changes
    given()
        .auth()
        .oauth2(c1Secretary)
        .contentType(ContentType.JSON)
        .body(Map.of("communityId", w.c2.toString(), "name", "越权楼", "units", 2))
        .post("/api/v1/buildings")
        .then()
        .statusCode(403);
    assertThat(
            read(w.s2Admin, "/api/v1/buildings?size=200&communityId=" + w.c2)
                .getList("items.name", String.class))
        .doesNotContain("越权楼");
  }

  @Test
  void aStreetAdministratorSeesTheirStreetAndNothingOfAnother() {
    AccessWorld w = AccessWorld.get();
    String s1Admin = TestTokens.streetAdmin();
    String c2 = w.c2.toString();
    String c1 = w.c1.toString();

    assertThat(read(s1Admin, "/api/v1/branches?size=200").getList("items.communityId"))
        .contains(c1)
        .doesNotContain(c2);
    assertThat(read(s1Admin, "/api/v1/buildings?size=200").getList("items.communityId"))
        .contains(c1)
        .doesNotContain(c2);
    assertThat(read(s1Admin, "/api/v1/honours").getList("communityId"))
        .contains(c1)
        .doesNotContain(c2);
    assertThat(read(s1Admin, "/api/v1/terms/expiring?withinDays=3650").getList("communityId"))
        .contains(c1)
        .doesNotContain(c2);
    JsonPath tree = read(s1Admin, "/api/v1/org-units/" + w.s1 + "/tree");
    assertThat(tree.getList("children.id", String.class)).contains(c1).doesNotContain(c2);

    // and the other way round
    assertThat(read(w.s2Admin, "/api/v1/branches?size=200").getList("items.id", String.class))
        .containsExactly(w.bx.toString());
    assertThat(read(w.s2Admin, "/api/v1/org-units").getList("items.id", String.class))
        .containsExactly(w.s2.toString());
    forbidden(w.s2Admin, "/api/v1/org-units/" + w.s1);
    forbidden(w.s2Admin, "/api/v1/branches/" + w.b1 + "/roster");

    // unknown records are 404, known ones outside the scope 403 (organisational records)
    given().get("/api/v1/branches/" + UUID.randomUUID()).then().statusCode(404);
    given().get("/api/v1/buildings/" + UUID.randomUUID()).then().statusCode(404);
    given().get("/api/v1/org-units/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void aCitySystemReadsOrganisationAndCountsButNoNames() {
    AccessWorld w = AccessWorld.get();
    String city = TestTokens.of("CITY_SYSTEM", w.s1);

    JsonPath building = read(city, "/api/v1/buildings/" + w.building1);
    assertThat(building.getInt("residents.full")).isEqualTo(3);
    assertThat(read(city, "/api/v1/branches/" + w.b1).getLong("members")).isEqualTo(3);
    forbidden(city, "/api/v1/branches/" + w.b1 + "/roster");
    forbidden(city, "/api/v1/branches/" + w.b1 + "/terms");

    JsonPath expiring = read(city, "/api/v1/terms/expiring?withinDays=3650");
    assertThat(expiring.getList("branchId", String.class)).contains(w.b1.toString());
    assertThat(expiring.getList("seats")).containsOnlyNulls();
    assertThat(
            read(TestTokens.streetAdmin(), "/api/v1/terms/expiring?withinDays=3650")
                .getList("seats"))
        .doesNotContainNull();

    JsonPath honours = read(city, "/api/v1/honours?year=" + w.assessedYear);
    assertThat(honours.getList("kind", String.class))
        .contains("ADVANCED_BUILDING_BRANCH")
        .doesNotContain("OUTSTANDING_MEMBER");
    assertThat(honours.getList("memberId")).containsOnlyNulls();
    assertThat(
            read(TestTokens.streetAdmin(), "/api/v1/honours?year=" + w.assessedYear)
                .getList("memberId", String.class))
        .contains(w.m1.toString());

    // never writes
    given()
        .auth()
        .oauth2(city)
        .contentType(ContentType.JSON)
        .body(Map.of("communityId", w.c1.toString(), "name", "城市楼", "units", 2))
        .post("/api/v1/buildings")
        .then()
        .statusCode(403);
  }

  @Test
  void rosterReadsAreAuditedAndOnlyStreetAdministratorsReadTheLog() {
    AccessWorld w = AccessWorld.get();
    String b1Secretary = TestTokens.of("BRANCH_SECRETARY", w.b1);
    String b2Secretary = TestTokens.of("BRANCH_SECRETARY", w.b2);
    read(b1Secretary, "/api/v1/branches/" + w.b1 + "/roster?size=200");
    forbidden(b2Secretary, "/api/v1/branches/" + w.b1 + "/roster");

    JsonPath log =
        read(
            TestTokens.streetAdmin(),
            "/api/v1/audit-entries?size=200&resourceType=Roster&recordId=" + w.m1);
    List<Map<String, Object>> entries = log.getList("items");
    assertThat(entries).isNotEmpty();
    Map<String, Object> entry =
        entries.stream()
            .filter(e -> w.b1.toString().equals(e.get("orgUnit")))
            .findFirst()
            .orElseThrow();
    assertThat(entry)
        .containsEntry("actor", "branch_secretary-test")
        .containsEntry("role", "BRANCH_SECRETARY")
        .containsEntry("action", "READ")
        .containsEntry("resourceType", "Roster");
    assertThat(entry.get("detail").toString()).contains(w.b1.toString());
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) entry.get("recordIds");
    assertThat(ids).containsExactlyInAnyOrderElementsOf(strings(w.b1Members));
    assertThat(entry.get("at")).isNotNull();
    // the refused read left no entry
    assertThat(entries).noneMatch(e -> w.b2.toString().equals(e.get("orgUnit")));

    for (String role : List.of("COMMUNITY_SECRETARY", "BRANCH_SECRETARY", "CITY_SYSTEM")) {
      forbidden(TestTokens.of(role, w.c1), "/api/v1/audit-entries");
    }
    given()
        .auth()
        .oauth2(TestTokens.member(w.m1))
        .get("/api/v1/audit-entries")
        .then()
        .statusCode(403);
    given().auth().none().get("/api/v1/audit-entries").then().statusCode(401);
  }

  @Test
  void aBranchSecretaryMayUpdateTheirChecklistButNotAnotherBranchs() {
    AccessWorld w = AccessWorld.get();
    String b2Secretary = TestTokens.of("BRANCH_SECRETARY", w.b2);
    String path = "/api/v1/branches/" + w.b2 + "/resources";
    given()
        .auth()
        .oauth2(b2Secretary)
        .contentType(ContentType.JSON)
        .body(Map.of("bookcase", true, "version", AccessWorld.version(path)))
        .put(path)
        .then()
        .statusCode(200)
        .body("bookcase", equalTo(true));
    String other = "/api/v1/branches/" + w.b1 + "/resources";
    given()
        .auth()
        .oauth2(b2Secretary)
        .contentType(ContentType.JSON)
        .body(Map.of("ledger", true, "version", AccessWorld.version(other)))
        .put(other)
        .then()
        .statusCode(403);
  }

  @Test
  void theScopeOfAStreetIsItsCommunitiesFromThisServicesOwnTree() {
    AccessWorld w = AccessWorld.get();
    assertThat(directory).isInstanceOf(OrgTreeDirectory.class);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertThat(directory.communitiesUnder(w.s1)).contains(w.c1).doesNotContain(w.c2);
              assertThat(directory.communitiesUnder(w.s2)).containsExactly(w.c2);
              assertThat(directory.communitiesUnder(w.c1)).containsExactly(w.c1);
              assertThat(directory.communitiesUnder(w.b1)).isEmpty();
              assertThat(directory.communitiesUnder(UUID.randomUUID())).isEmpty();
            });
  }
}
