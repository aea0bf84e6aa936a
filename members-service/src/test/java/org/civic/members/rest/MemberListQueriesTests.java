package org.civic.members.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.members.rest.TestData.knownBuilding;
import static org.civic.members.rest.TestData.memberJson;
import static org.civic.members.rest.TestData.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.UUID;
import org.civic.localinfra.LocalInfraTestResource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The statements behind one page of the member list (Hibernate statistics, on in the test profile):
 * the page with its members' specialties in one statement, and the count only when the page does
 * not tell the total.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class MemberListQueriesTests {
  @Inject EntityManagerFactory factory;

  @Test
  void aPageIsOneStatementWithItsSpecialtiesAndACountOnlyWhenNeeded() {
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
    Statistics stats = factory.unwrap(SessionFactory.class).getStatistics();

    long counts = countQueries(stats);
    long fetches = specialtyFetches(stats);
    long pages = pageQueries(stats);
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
    assertThat(countQueries(stats) - counts).as("count queries of a full page").isEqualTo(1);
    assertThat(specialtyFetches(stats) - fetches).as("separate specialty loads").isZero();
    assertThat(pageQueries(stats) - pages).as("page queries of a full page").isEqualTo(1);

    // The last page is not full: it ends the list, so the total is known without counting.
    counts = countQueries(stats);
    pages = pageQueries(stats);
    fetches = specialtyFetches(stats);
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
    assertThat(countQueries(stats) - counts).as("count queries of the last page").isZero();
    assertThat(pageQueries(stats) - pages).as("page queries of the last page").isEqualTo(1);
    assertThat(specialtyFetches(stats) - fetches).as("separate specialty loads").isZero();

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
    assertThat(countQueries(stats) - counts).as("count queries past the end").isEqualTo(1);
  }

  // The page and its specialties: one query, so one SQL statement (a fetch join).
  private static long pageQueries(Statistics stats) {
    return Arrays.stream(stats.getQueries())
        .filter(q -> q.startsWith("select p from Member p left join fetch p.specialties"))
        .mapToLong(q -> stats.getQueryStatistics(q).getExecutionCount())
        .sum();
  }

  private static long countQueries(Statistics stats) {
    return Arrays.stream(stats.getQueries())
        .filter(q -> q.startsWith("select count(m) from Member m"))
        .mapToLong(q -> stats.getQueryStatistics(q).getExecutionCount())
        .sum();
  }

  private static long specialtyFetches(Statistics stats) {
    return stats
        .getCollectionStatistics("org.civic.members.domain.Member.specialties")
        .getFetchCount();
  }
}
