package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;
import static org.civic.members.rest.TestData.memberJson;
import static org.civic.members.rest.TestData.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
import org.civic.localinfra.security.Tokens;
import org.civic.members.persistence.MemberRepository;
import org.civic.members.rest.MemberViews.MemberView;
import org.civic.web.security.Caller;
import org.civic.web.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements behind one page of the member list (counted by PostgreSQL's pg_stat_statements):
 * the page with its members' specialties and the list's total in one statement, and a count only
 * when the page is empty (past the end).
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberListQueriesTests {
  @Inject MemberRepository members;
  @Inject ObjectMapper mapper;
  @Inject AgroalDataSource dataSource;
  private StatementCounts statements;

  @BeforeEach
  void countStatements() {
    statements = new StatementCounts(dataSource);
  }

  @Test
  void aPageIsOneStatementWithItsSpecialtiesAndTotalAndACountOnlyPastTheEnd() {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    for (int i = 0; i < 25; i++) {
      register(
          memberJson(
              "列表" + (char) ('A' + i),
              "1950-01-01",
              "RETIRED",
              building,
              "1",
              Integer.toString(100 + i),
              "[\"medical\",\"t" + i + "\"]"));
    }
    // One without specialties: the join must not drop it.
    register(memberJson("列表Z", "1950-01-01", "RETIRED", building, "1", "200", "[]"));

    long counts = countQueries();
    long fetches = specialtyFetches();
    long pages = pageQueries();
    given()
        .queryParam("communityId", community.toString())
        .queryParam("category", "RETIRED")
        .queryParam("status", "ACTIVE")
        .queryParam("size", 20)
        .get("/api/v1/members")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(20))
        .body("items[0].name", equalTo("列表A"))
        .body("items[19].name", equalTo("列表T"))
        .body("items[19].specialties", hasItems("medical", "t19"))
        .body("items[19].specialties.size()", equalTo(2))
        .body("total", equalTo(26))
        .body("totalPages", equalTo(2));
    // The total comes with the page (a count in the same select), so no count query.
    assertThat(countQueries() - counts).as("count queries of a full page").isZero();
    assertThat(specialtyFetches() - fetches).as("separate specialty loads").isZero();
    assertThat(pageQueries() - pages).as("page queries of a full page").isEqualTo(1);

    // The last page is not full: it ends the list, so the total is known without counting.
    counts = countQueries();
    pages = pageQueries();
    fetches = specialtyFetches();
    given()
        .queryParam("communityId", community.toString())
        .queryParam("category", "RETIRED")
        .queryParam("page", 1)
        .queryParam("size", 20)
        .get("/api/v1/members")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(6))
        .body("items.name", contains("列表U", "列表V", "列表W", "列表X", "列表Y", "列表Z"))
        .body("items[4].specialties", hasItems("medical", "t24"))
        .body("items[5].specialties.size()", equalTo(0))
        .body("total", equalTo(26))
        .body("totalPages", equalTo(2));
    assertThat(countQueries() - counts).as("count queries of the last page").isZero();
    assertThat(pageQueries() - pages).as("page queries of the last page").isEqualTo(1);
    assertThat(specialtyFetches() - fetches).as("separate specialty loads").isZero();

    // Past the end the page is empty and tells nothing: the total is counted.
    given()
        .queryParam("communityId", community.toString())
        .queryParam("page", 3)
        .queryParam("size", 20)
        .get("/api/v1/members")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("total", equalTo(26));
    assertThat(countQueries() - counts).as("count queries past the end").isEqualTo(1);
  }

  /**
   * Lists and single reads take a member's columns (ListedMember), writes show the entity: the same
   * member must read the same, character for character, in a list, alone and as the entity's view,
   * for staff and for a member of the household (phone masked), with the specialties in one order.
   */
  @Test
  void aListedMemberReadsExactlyAsTheMemberReadAlone() {
    UUID community = UUID.randomUUID();
    UUID building = knownBuilding(community);
    List<String> ids = new ArrayList<>();
    ids.add(
        register(
            memberJson(
                "同列甲",
                "1950-01-01",
                "RETIRED",
                building,
                "1",
                "101",
                "[\"medical\",\"calligraphy\",\"Tai Chi\"]")));
    ids.add(register(memberJson("同列乙", "1966-06-30", "EMPLOYED", building, "1", "101", "[]")));
    ids.add(
        register(
            """
            {"name":"同列丙","gender":"MALE","birthDate":"1940-12-31","standing":"PROBATIONARY",
             "category":"RETIRED_CADRE","membershipHeld":"EMPLOYER","membershipOrganisation":"某局",
             "specialties":["zither"],"buildingId":"%s","unit":"2","room":"7"}
            """
                .formatted(building)));

    String page =
        given()
            .queryParam("communityId", community.toString())
            .queryParam("size", 2)
            .get("/api/v1/members")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> alone = ids.stream().map(id -> readAlone(null, id)).toList();
    // Sorted by name: 丙 (U+4E19) < 乙 (U+4E59) < 甲 (U+7532).
    assertThat(page)
        .isEqualTo(
            "{\"items\":["
                + alone.get(2)
                + ","
                + alone.get(1)
                + "],\"page\":0,\"size\":2,\"total\":3,\"totalPages\":2}");
    for (String id : ids) {
      assertThat(readAlone(null, id))
          .as("read alone vs the entity's view")
          .isEqualTo(entityView(id));
    }
    assertThat(alone.get(0)).contains("\"specialties\":[\"calligraphy\",\"medical\",\"tai chi\"]");

    // A member of the household sees the other's phone masked, in the household and alone.
    String member = TestTokens.member(UUID.fromString(ids.get(0)));
    String household =
        given().get("/api/v1/members/" + ids.get(0)).then().extract().path("householdId");
    String members =
        given()
            .auth()
            .oauth2(member)
            .get("/api/v1/households/" + household)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(members)
        .contains(
            "\"members\":["
                + readAlone(member, ids.get(1))
                + ","
                + readAlone(member, ids.get(0))
                + "]")
        .contains("138****0000");
  }

  // The view of the member loaded as an entity (the path of writes), serialised as responses are.
  private String entityView(String id) {
    Caller admin = new Caller("test", Role.STREET_ADMIN, Tokens.DEMO_STREET, null);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                mapper.writeValueAsString(
                    MemberView.of(members.findById(UUID.fromString(id)), admin)));
  }

  private static String readAlone(String token, String id) {
    var request = token == null ? given() : given().auth().oauth2(token);
    return request.get("/api/v1/members/" + id).then().statusCode(200).extract().asString();
  }

  // The page and its specialties: one statement (plain JDBC, columns only), seen by PostgreSQL.
  private long pageQueries() {
    return statements.calls("select p.id, p.name,", "from member p where p.id in");
  }

  private long countQueries() {
    return statements.calls("select count(*) from member m", "");
  }

  // A statement of its own for specialties would be the N+1 a page must not have.
  private long specialtyFetches() {
    return statements.calls("select", "from member_specialty")
        - statements.calls("select p.id, p.name,", "from member_specialty");
  }
}
