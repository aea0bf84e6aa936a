package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civic.branches.Fixtures.awaitResidents;
import static org.civic.branches.Fixtures.branch;
import static org.civic.branches.Fixtures.building;
import static org.civic.branches.Fixtures.community;
import static org.civic.branches.Fixtures.fullMembers;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.civic.eventing.outbox.OutboxBacklog;
import org.civic.localinfra.LocalInfraTestResource;
import org.civic.localinfra.security.TestTokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A roster read: its totals and errors, and its cost — one SQL statement for a roster that fits its
 * page (the page query also proves the branch visible, and a page that is not full needs no count),
 * measured with Hibernate statistics.
 */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class RosterReadTests {
  @Inject SessionFactory sessionFactory;
  @Inject OutboxBacklog backlog;

  @Test
  void aRosterThatFitsItsPageIsOneStatement() {
    UUID community = community();
    UUID a = building(community, "R楼");
    fullMembers(community, a, 3);
    awaitResidents(a, 3);
    UUID branch = branch(community, "BUILDING_BRANCH", "R楼党支部", a);
    String roster = "/api/v1/branches/" + branch + "/roster";
    given().get(roster).then().statusCode(200).body("total", equalTo(3)); // scope cached
    awaitRelayed();

    Statistics statistics = sessionFactory.getStatistics();
    statistics.setStatisticsEnabled(true);
    try {
      statistics.clear();
      int reads = 20;
      for (int i = 0; i < reads; i++) {
        given().get(roster).then().statusCode(200).body("items", hasSize(3));
      }
      // The outbox relay polls meanwhile: its statements are not the roster's.
      long relay =
          Arrays.stream(statistics.getQueries())
              .filter(q -> q.contains("OutboxRecord") || q.contains("pg_try_advisory"))
              .mapToLong(q -> statistics.getQueryStatistics(q).getExecutionCount())
              .sum();
      // Was 3 a read: the branch, the page, the count.
      assertThat(statistics.getPrepareStatementCount() - relay).isLessThanOrEqualTo(reads + 2);
    } finally {
      statistics.setStatisticsEnabled(false);
    }
  }

  /** Until the outbox holds nothing to publish (the relay then polls without writing). */
  private void awaitRelayed() {
    await().atMost(Duration.ofSeconds(30)).until(() -> backlog.read().pending() == 0);
  }

  @Test
  void totalsAndErrorsAreThoseOfTheFullReads() {
    UUID community = community();
    UUID a = building(community, "S楼");
    fullMembers(community, a, 3);
    awaitResidents(a, 3);
    UUID branch = branch(community, "BUILDING_BRANCH", "S楼党支部", a);
    String roster = "/api/v1/branches/" + branch + "/roster";

    // A full page is counted; the last page and a page past the end know the total too.
    given().queryParam("size", 2).get(roster).then().body("total", equalTo(3));
    given()
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get(roster)
        .then()
        .body("items", hasSize(1))
        .body("total", equalTo(3));
    given()
        .queryParam("size", 2)
        .queryParam("page", 5)
        .get(roster)
        .then()
        .statusCode(200)
        .body("items", hasSize(0))
        .body("total", equalTo(3));
    // Unknown: 404; another branch's secretary: 403 (the page query found nothing for either).
    given().get("/api/v1/branches/" + UUID.randomUUID() + "/roster").then().statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.of("BRANCH_SECRETARY", UUID.randomUUID()))
        .get(roster)
        .then()
        .statusCode(403);
  }
}
