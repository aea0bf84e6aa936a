package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Lists, totals, exports and the audit log only ever show what the caller may see (see {@link
 * SecurityWorld} for who is where).
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberScopingTests {
  static SecurityWorld world;

  @Inject AgroalDataSource dataSource;

  private long householdsAt(UUID building, String unit, String room) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement count =
            c.prepareStatement(
                "select count(*) from household where building_id = ? and unit = ? and room = ?")) {
      count.setObject(1, building);
      count.setString(2, unit);
      count.setString(3, room);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized SecurityWorld world() {
    if (world == null) {
      world = new SecurityWorld(0);
    }
    return world;
  }

  static List<String> memberIds(String token, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(token)
        .queryParams(query)
        .queryParam("size", 200)
        .get("/api/v1/members")
        .then()
        .statusCode(200)
        .extract()
        .path("items.id");
  }

  static int total(String token, String path, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(token)
        .queryParams(query)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  @Test
  void aBranchSecretarysListNeverContainsAnotherBranchsMember() {
    SecurityWorld w = world();
    String b1 = TestTokens.of("BRANCH_SECRETARY", w.b1);
    assertThat(memberIds(b1, Map.of())).containsExactlyInAnyOrder(w.m1, w.m1b);
    assertThat(total(b1, "/api/v1/members", Map.of())).isEqualTo(2);
    // Filters cannot widen the scope: C1 as a whole, B2 by name, C2.
    assertThat(memberIds(b1, Map.of("communityId", w.c1))).containsExactlyInAnyOrder(w.m1, w.m1b);
    assertThat(total(b1, "/api/v1/members", Map.of("branchId", w.b2))).isZero();
    assertThat(total(b1, "/api/v1/members", Map.of("communityId", w.c2))).isZero();
    // Households: only H1 (the household of B1's members); transfers: only M1's.
    assertThat(
            given()
                .auth()
                .oauth2(b1)
                .get("/api/v1/households")
                .then()
                .body("total", equalTo(1))
                .extract()
                .<List<String>>path("items.id"))
        .containsExactly(w.household1);
    given()
        .auth()
        .oauth2(b1)
        .get("/api/v1/transfers")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(w.transfer1));
    // B2's secretary: only M2.
    assertThat(memberIds(TestTokens.of("BRANCH_SECRETARY", w.b2), Map.of())).containsExactly(w.m2);
  }

  @Test
  void aCommunitySecretaryNeverSeesAnotherCommunity() {
    SecurityWorld w = world();
    String c1 = TestTokens.of("COMMUNITY_SECRETARY", w.c1);
    assertThat(memberIds(c1, Map.of())).containsExactlyInAnyOrder(w.m1, w.m1b, w.m2);
    assertThat(total(c1, "/api/v1/members", Map.of())).isEqualTo(3);
    assertThat(total(c1, "/api/v1/members", Map.of("communityId", w.c2))).isZero();
    assertThat(total(c1, "/api/v1/households", Map.of())).isEqualTo(2);
    assertThat(total(c1, "/api/v1/households", Map.of("communityId", w.c2))).isZero();
    assertThat(total(c1, "/api/v1/transfers", Map.of())).isEqualTo(2);
    given().auth().oauth2(c1).get("/api/v1/members/" + w.m3).then().statusCode(404);
    // The street administrators: the demo street's sees C1 (not C2), S2's only C2.
    assertThat(memberIds(TestTokens.streetAdmin(), Map.of("communityId", w.c1)))
        .containsExactlyInAnyOrder(w.m1, w.m1b, w.m2);
    assertThat(memberIds(TestTokens.streetAdmin(), Map.of())).doesNotContain(w.m3);
    assertThat(memberIds(TestTokens.of("STREET_ADMIN", w.s2), Map.of())).containsExactly(w.m3);
  }

  @Test
  void aMemberSeesThemselfAndTheirHouseholdWithTheOthersPhonesMasked() {
    SecurityWorld w = world();
    String m1 = TestTokens.member(UUID.fromString(w.m1));
    given()
        .auth()
        .oauth2(m1)
        .get("/api/v1/members")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.id", containsInAnyOrder(w.m1, w.m1b))
        .body("items.find { it.id == '%s' }.phone".formatted(w.m1), equalTo(SecurityWorld.M1_PHONE))
        .body("items.find { it.id == '%s' }.phone".formatted(w.m1b), equalTo("139****4444"));
    given()
        .auth()
        .oauth2(m1)
        .get("/api/v1/members/" + w.m1b)
        .then()
        .statusCode(200)
        .body("phone", equalTo("139****4444"));
    given()
        .auth()
        .oauth2(m1)
        .get("/api/v1/households/" + w.household1)
        .then()
        .statusCode(200)
        .body("members.phone", containsInAnyOrder(SecurityWorld.M1_PHONE, "139****4444"));
    given()
        .auth()
        .oauth2(m1)
        .get("/api/v1/households")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(w.household1));
    // Not another household's member, not the household member's sensitive profile.
    given().auth().oauth2(m1).get("/api/v1/members/" + w.m2).then().statusCode(404);
    given()
        .auth()
        .oauth2(m1)
        .get("/api/v1/members/" + w.m1b + "/sensitive-profile")
        .then()
        .statusCode(404);
    // Staff see phones in full.
    given()
        .auth()
        .oauth2(TestTokens.of("BRANCH_SECRETARY", w.b1))
        .get("/api/v1/members/" + w.m1b)
        .then()
        .body("phone", equalTo(SecurityWorld.M1B_PHONE));
  }

  static List<String> exportedNames(String token, String communityId) throws Exception {
    byte[] file =
        given()
            .auth()
            .oauth2(token)
            .queryParam("communityId", communityId)
            .get("/api/v1/members/export")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    List<String> names = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter f = new DataFormatter();
      for (Row row : sheet) {
        if (row.getRowNum() > 0) {
          names.add(f.formatCellValue(row.getCell(0)));
        }
      }
    }
    return names;
  }

  @Test
  void exportsContainOnlyWhatTheCallerMaySeeAndAreAudited() throws Exception {
    SecurityWorld w = world();
    assertThat(exportedNames(TestTokens.of("BRANCH_SECRETARY", w.b1), w.c1.toString()))
        .containsExactlyInAnyOrder("李一", "李一家");
    assertThat(exportedNames(TestTokens.of("COMMUNITY_SECRETARY", w.c1), w.c1.toString()))
        .containsExactlyInAnyOrder("李一", "李一家", "王二");
    assertThat(exportedNames(TestTokens.of("COMMUNITY_SECRETARY", w.c2), w.c1.toString()))
        .isEmpty();
    // The branch secretary's export is in the audit log with exactly the exported ids.
    given()
        .queryParam("resourceType", "MemberExport")
        .queryParam("recordId", w.m1)
        .queryParam("actor", "branch_secretary-test")
        .get("/api/v1/audit-entries")
        .then()
        .statusCode(200)
        .body("items[0].action", equalTo("EXPORT"))
        .body("items[0].role", equalTo("BRANCH_SECRETARY"))
        .body("items[0].orgUnit", equalTo(w.b1.toString()))
        .body("items[0].recordIds", containsInAnyOrder(w.m1, w.m1b))
        .body("items[0].detail", containsString(w.c1.toString()));
    // An export of nothing is audited too (the attempt is of interest).
    given()
        .queryParam("resourceType", "MemberExport")
        .queryParam("actor", "community_secretary-test")
        .get("/api/v1/audit-entries")
        .then()
        .body("items.recordIds", hasItem(empty()));
  }

  @Test
  void everyReadOfASensitiveProfileIsAuditedAndOnlyStreetAdministratorsReadTheLog() {
    SecurityWorld w = world();
    given()
        .auth()
        .oauth2(TestTokens.of("BRANCH_SECRETARY", w.b1))
        .get("/api/v1/members/" + w.m1 + "/sensitive-profile")
        .then()
        .statusCode(200)
        .body("health", equalTo("高血压"))
        .body("idNumberMasked", equalTo("110***********002X"))
        .body(org.hamcrest.Matchers.not(containsString(SecurityWorld.M1_ID_NUMBER)));
    given()
        .auth()
        .oauth2(TestTokens.member(UUID.fromString(w.m1)))
        .get("/api/v1/members/" + w.m1 + "/sensitive-profile")
        .then()
        .statusCode(200);
    // Refused reads leave no entry: nothing was read.
    given()
        .auth()
        .oauth2(TestTokens.of("BRANCH_SECRETARY", w.b2))
        .get("/api/v1/members/" + w.m1 + "/sensitive-profile")
        .then()
        .statusCode(404);
    List<Map<String, Object>> entries =
        given()
            .queryParam("resourceType", "SensitiveProfile")
            .queryParam("recordId", w.m1)
            .get("/api/v1/audit-entries")
            .then()
            .statusCode(200)
            .body("total", equalTo(2))
            .extract()
            .path("items");
    // Newest first: the member, then the branch secretary.
    assertThat(entries)
        .extracting(e -> e.get("actor"))
        .containsExactly("member-" + w.m1, "branch_secretary-test");
    assertThat(entries)
        .extracting(e -> e.get("role"))
        .containsExactly("MEMBER", "BRANCH_SECRETARY");
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("READ");
              assertThat(e.get("recordIds")).isEqualTo(List.of(w.m1));
              assertThat(e.get("at")).isNotNull();
            });
    given()
        .auth()
        .oauth2(TestTokens.of("COMMUNITY_SECRETARY", w.c1))
        .get("/api/v1/audit-entries")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void writesAimedOutsideTheScopeAreRefused() {
    SecurityWorld w = world();
    String c1 = TestTokens.of("COMMUNITY_SECRETARY", w.c1);
    // Registering into C2's building.
    given()
        .auth()
        .oauth2(c1)
        .contentType(ContentType.JSON)
        .body(TestData.memberJson("越界", w.building3, "1", "1"))
        .post("/api/v1/members")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    // Moving a member of C1 into C2.
    given()
        .auth()
        .oauth2(c1)
        .contentType(ContentType.JSON)
        .body("{\"buildingId\":\"%s\",\"unit\":\"1\",\"room\":\"1\"}".formatted(w.building3))
        .post("/api/v1/members/" + w.m2 + "/relocation")
        .then()
        .statusCode(403);
    // A branch secretary moves within the member's community only.
    given()
        .auth()
        .oauth2(TestTokens.of("BRANCH_SECRETARY", w.b2))
        .contentType(ContentType.JSON)
        .body("{\"buildingId\":\"%s\",\"unit\":\"1\",\"room\":\"1\"}".formatted(w.building3))
        .post("/api/v1/members/" + w.m2 + "/relocation")
        .then()
        .statusCode(403);
    // The household is found or created before the scope check (one round trip with the
    // building): each refusal's rollback took it back.
    assertThat(householdsAt(w.building3, "1", "1")).isZero();
    // Receiving a member is for the community or street, into their own buildings.
    String in =
        """
        {"direction":"IN","member":%s,"letterNumber":"宁组转〔2026〕1号","validUntil":"%s",
         "counterpartOrganisation":"鼓楼区党委"}
        """;
    given()
        .auth()
        .oauth2(TestTokens.of("BRANCH_SECRETARY", w.b1))
        .contentType(ContentType.JSON)
        .body(in.formatted(TestData.memberJson("转入", w.building1, "1", "1"), SecurityWorld.TODAY))
        .post("/api/v1/transfers")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(c1)
        .contentType(ContentType.JSON)
        .body(in.formatted(TestData.memberJson("转入", w.building3, "1", "1"), SecurityWorld.TODAY))
        .post("/api/v1/transfers")
        .then()
        .statusCode(403);
    // An import with rows outside the scope fails as a whole, naming those rows.
    String csv =
        "name,gender,birthDate,standing,category,buildingId,unit,room\n"
            + "本区,MALE,1950-01-01,FULL,RETIRED,%s,1,1\n".formatted(w.building1)
            + "外区,MALE,1950-01-01,FULL,RETIRED,%s,1,1\n".formatted(w.building3);
    given()
        .auth()
        .oauth2(c1)
        .contentType("text/csv; charset=UTF-8")
        .body(csv)
        .post("/api/v1/members/import")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("row 3: buildingId"))
        .body("detail", containsString("nothing was imported"));
    assertThat(total(c1, "/api/v1/members", Map.of("q", "本区"))).isZero();
    assertThat(total(TestTokens.of("STREET_ADMIN", w.s2), "/api/v1/members", Map.of()))
        .isEqualTo(1);
  }
}
