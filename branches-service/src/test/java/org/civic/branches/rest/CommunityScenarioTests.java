package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.civic.branches.Fixtures;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** The flow a community secretary walks through, as in the brief's Jingongli example. */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class CommunityScenarioTests {

  @Test
  void surveyEstablishElectAndMoveAMember() {
    UUID community = Fixtures.community();
    UUID big = Fixtures.building(community, "1号宿舍楼");
    UUID small1 = Fixtures.building(community, "2号宿舍楼");
    UUID small2 = Fixtures.building(community, "3号宿舍楼");
    List<UUID> bigMembers = Fixtures.fullMembers(community, big, 7);
    Fixtures.fullMembers(community, small1, 2);
    List<UUID> small2Members = Fixtures.fullMembers(community, small2, 1);
    Fixtures.member(community, small2, "PROBATIONARY");
    Fixtures.awaitResidents(big, 7);
    Fixtures.awaitResidents(small1, 2);
    Fixtures.awaitResidents(small2, 2);

    // survey: one building may have its own branch, the other two must join
    given()
        .get("/api/v1/communities/" + community + "/branch-eligibility")
        .then()
        .statusCode(200)
        .body("buildings", equalTo(3))
        .body("eligible", equalTo(1))
        .body("covered", equalTo(0))
        .body("members", equalTo(11));

    UUID own = Fixtures.branch(community, "BUILDING_BRANCH", "1号楼党支部", big);
    UUID joint = Fixtures.branch(community, "JOINT_BRANCH", "2-3号楼联合支部", small1, small2);

    // elect a committee in the big branch
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"startDate": "2026-03-01", "electionMethod": "COMPETITIVE_ELECTION",
             "seats": [{"memberId": "%s", "role": "SECRETARY"},
                       {"memberId": "%s", "role": "ORGANISATION"},
                       {"memberId": "%s", "role": "PUBLICITY"}]}
            """
                .formatted(bigMembers.get(0), bigMembers.get(1), bigMembers.get(2)))
        .post("/api/v1/branches/" + own + "/terms")
        .then()
        .statusCode(201)
        .body("endDate", equalTo("2029-02-28"));

    // a full member of the joint branch moves into building 1
    UUID mover = small2Members.get(0);
    String snapshot = Fixtures.snapshot(mover, community, big, "FULL", "ACTIVE");
    Fixtures.sendMemberEvent("MemberRelocated", mover, 1, snapshot);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(Fixtures.roster(own)).contains(mover.toString()).hasSize(8);
              assertThat(Fixtures.roster(joint)).doesNotContain(mover.toString()).hasSize(3);
            });
    // the joint branch now has 2 full members: it is flagged
    given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/branches/alerts")
        .then()
        .body("id", org.hamcrest.Matchers.hasItem(joint.toString()));
    given().get("/api/v1/buildings/" + big).then().body("residents.full", equalTo(8));
  }

  @Test
  void theOpenApiDocumentDescribesTheEnumsInChinese() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("樓幢党支部"))
        .body(containsString("/api/v1/branches/{id}/roster"))
        .body(containsString("/api/v1/terms/expiring"));
  }
}
