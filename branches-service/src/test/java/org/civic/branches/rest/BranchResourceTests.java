package org.civic.branches.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civic.branches.Fixtures.awaitResidents;
import static org.civic.branches.Fixtures.branch;
import static org.civic.branches.Fixtures.building;
import static org.civic.branches.Fixtures.community;
import static org.civic.branches.Fixtures.fullMembers;
import static org.civic.branches.Fixtures.roster;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.civic.branches.Fixtures;
import org.civic.localinfra.KafkaTestClient;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "branches"))
class BranchResourceTests {

  static String establish(UUID community, String kind, String name, UUID... buildings) {
    StringBuilder ids = new StringBuilder();
    for (UUID b : buildings) {
      ids.append(ids.length() == 0 ? "" : ",").append('"').append(b).append('"');
    }
    return """
        {"communityId": "%s", "name": "%s", "kind": "%s", "buildingIds": [%s]}
        """
        .formatted(community, name, kind, ids);
  }

  static void assertNoBranches(UUID community) {
    given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/branches")
        .then()
        .body("total", equalTo(0));
  }

  static List<ConsumerRecord<String, String>> branchEvents(UUID branch, int atLeast) {
    return Fixtures.kafka()
        .awaitRecords(
            "branches.events",
            r -> branch.toString().equals(r.key()),
            atLeast,
            Duration.ofSeconds(30));
  }

  @Test
  void establishingABuildingBranchPutsItsResidentsOnTheRoster() {
    UUID community = community();
    UUID building = building(community, "3号楼");
    List<UUID> members = fullMembers(community, building, 3);
    Fixtures.member(community, building, "PROBATIONARY");
    awaitResidents(building, 4);

    String id =
        given()
            .contentType(ContentType.JSON)
            .body(establish(community, "BUILDING_BRANCH", "3号楼党支部", building))
            .post("/api/v1/branches")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/branches/"))
            .body("status", equalTo("ACTIVE"))
            .body("buildingIds", equalTo(List.of(building.toString())))
            .body("members", equalTo(4))
            .body("fullMembers", equalTo(3))
            .body("belowMinimum", equalTo(false))
            .body("warnings", empty())
            .body("rosterChanges", equalTo(4))
            .extract()
            .path("id");
    UUID branch = UUID.fromString(id);

    assertThat(roster(branch))
        .containsAll(members.stream().map(UUID::toString).toList())
        .hasSize(4);
    given()
        .get("/api/v1/buildings/" + building)
        .then()
        .body("coveringBranchId", equalTo(id))
        .body("eligibleForOwnBranch", equalTo(true));
    given()
        .get("/api/v1/communities/" + community + "/branch-eligibility")
        .then()
        .statusCode(200)
        .body("buildings", equalTo(1))
        .body("eligible", equalTo(1))
        .body("covered", equalTo(1))
        .body("members", equalTo(4))
        .body("items[0].coveringBranchId", equalTo(id));
    List<ConsumerRecord<String, String>> events = branchEvents(branch, 1);
    assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo("BranchEstablished");
    assertThat(events.get(0).value()).contains(building.toString(), "BUILDING_BRANCH");
    List<ConsumerRecord<String, String>> joined =
        Fixtures.kafka()
            .awaitRecords(
                "branches.events",
                r -> members.get(0).toString().equals(r.key()),
                1,
                Duration.ofSeconds(30));
    assertThat(joined.get(0).value()).contains("BRANCH_ESTABLISHED", "JOINED", id);
  }

  @Test
  void aBuildingWithFewerThanThreeFullMembersIsA422AndChangesNothing() {
    UUID community = community();
    UUID building = building(community, "小楼");
    fullMembers(community, building, 2);
    awaitResidents(building, 2);
    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "BUILDING_BRANCH", "小楼党支部", building))
        .post("/api/v1/branches")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("buildingIds"))
        .body("detail", containsString("at least 3 full members"))
        .body("detail", containsString("JOINT_BRANCH"));
    assertNoBranches(community);
    given().get("/api/v1/buildings/" + building).then().body("coveringBranchId", nullValue());
    given()
        .queryParam("parentId", community.toString())
        .get("/api/v1/org-units")
        .then()
        .body("total", equalTo(0));
  }

  @Test
  void smallBuildingsJoinAJointBranchAndABuildingBelongsToOneBranch() {
    UUID community = community();
    UUID a = building(community, "1号楼");
    UUID b = building(community, "2号楼");
    fullMembers(community, a, 2);
    fullMembers(community, b, 1);
    awaitResidents(a, 2);
    awaitResidents(b, 1);
    UUID joint = branch(community, "JOINT_BRANCH", "1-2号楼联合支部", a, b);
    assertThat(roster(joint)).hasSize(3);

    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "BUILDING_BRANCH", "1号楼党支部", a))
        .post("/api/v1/branches")
        .then()
        .statusCode(422)
        .body("detail", containsString("already covered by branch " + joint));
    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "JOINT_BRANCH", "one", a))
        .post("/api/v1/branches")
        .then()
        .statusCode(422)
        .body("detail", containsString("2 to 5"));
    UUID elsewhere = building(community(), "外社区楼");
    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "JOINT_BRANCH", "mixed", elsewhere, building(community, "3号楼")))
        .post("/api/v1/branches")
        .then()
        .statusCode(422)
        .body("detail", containsString("another community"));
    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "JOINT_BRANCH", "ghost", UUID.randomUUID(), a))
        .post("/api/v1/branches")
        .then()
        .statusCode(422)
        .body("detail", containsString("does not exist"));
    given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/branches")
        .then()
        .body("total", equalTo(1));
  }

  @Test
  void moreThanFiftyMembersIsAWarningNotAnError() {
    UUID community = community();
    UUID building = building(community, "大楼");
    fullMembers(community, building, 51);
    awaitResidents(building, 51);
    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "BUILDING_BRANCH", "大楼党支部", building))
        .post("/api/v1/branches")
        .then()
        .statusCode(201)
        .body("members", equalTo(51))
        .body("warnings", hasSize(1))
        .body("warnings[0]", containsString("more than the advised 50"));
  }

  @Test
  void badInputIsA400ProblemAndChangesNothing() {
    UUID community = community();
    UUID building = building(community, "x楼");
    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "BIG_BRANCH", "x", building))
        .post("/api/v1/branches")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("kind"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"communityId\": \"" + community + "\", \"buildingIds\": []}")
        .post("/api/v1/branches")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("buildingIds"))
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("kind"));
    given()
        .contentType(ContentType.JSON)
        .body(establish(community, "PARTY_GROUP", "x", building))
        .post("/api/v1/branches")
        .then()
        .statusCode(422);
    assertNoBranches(community);
    given().get("/api/v1/branches/" + UUID.randomUUID()).then().statusCode(404);
    given()
        .get("/api/v1/communities/" + UUID.randomUUID() + "/branch-eligibility")
        .then()
        .statusCode(404);
    given().queryParam("status", "SLEEPING").get("/api/v1/branches").then().statusCode(400);
  }

  @Test
  void changingCoverageNeedsTheVersionAndMovesMembers() {
    UUID community = community();
    UUID a = building(community, "A");
    UUID b = building(community, "B");
    UUID c = building(community, "C");
    fullMembers(community, a, 2);
    fullMembers(community, b, 2);
    List<UUID> inC = fullMembers(community, c, 1);
    awaitResidents(a, 2);
    awaitResidents(b, 2);
    awaitResidents(c, 1);
    UUID joint = branch(community, "JOINT_BRANCH", "AB联合支部", a, b);
    String body = "{\"buildingIds\": [\"" + a + "\", \"" + b + "\", \"" + c + "\"]%s}";

    given()
        .contentType(ContentType.JSON)
        .body(body.formatted(""))
        .put("/api/v1/branches/" + joint + "/coverage")
        .then()
        .statusCode(428);
    given()
        .contentType(ContentType.JSON)
        .body(body.formatted(", \"version\": 7"))
        .put("/api/v1/branches/" + joint + "/coverage")
        .then()
        .statusCode(409);
    assertThat(roster(joint)).hasSize(4);

    long version =
        given().get("/api/v1/branches/" + joint).then().extract().jsonPath().getLong("version");
    given()
        .contentType(ContentType.JSON)
        .body(body.formatted(", \"version\": " + version))
        .put("/api/v1/branches/" + joint + "/coverage")
        .then()
        .statusCode(200)
        .body("buildingIds", hasSize(3))
        .body("members", equalTo(5))
        .body("rosterChanges", equalTo(1));
    assertThat(roster(joint)).contains(inC.get(0).toString());
    List<ConsumerRecord<String, String>> events = branchEvents(joint, 2);
    assertThat(KafkaTestClient.header(events.get(1), "ce_type")).isEqualTo("BranchCoverageChanged");
    assertThat(Long.parseLong(KafkaTestClient.header(events.get(1), "ce_aggregateversion")))
        .isGreaterThan(
            Long.parseLong(KafkaTestClient.header(events.get(0), "ce_aggregateversion")));
    assertThat(events.get(1).value()).contains(c.toString());
  }

  @Test
  void dissolvingABranchTakesEveryoneOffItsRoster() {
    UUID community = community();
    UUID a = building(community, "D楼");
    fullMembers(community, a, 3);
    awaitResidents(a, 3);
    UUID branch = branch(community, "BUILDING_BRANCH", "D楼党支部", a);
    assertThat(roster(branch)).hasSize(3);
    // Conditional GET of the roster: unchanged → 304 without a body; changed → 200 and a new tag.
    String rosterTag =
        given().get("/api/v1/branches/" + branch + "/roster").then().extract().header("ETag");
    assertThat(rosterTag).startsWith("W/\"");
    var unchanged =
        given()
            .header("If-None-Match", rosterTag)
            .get("/api/v1/branches/" + branch + "/roster")
            .then()
            .extract();
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.asByteArray()).isEmpty();
    long version =
        given().get("/api/v1/branches/" + branch).then().extract().jsonPath().getLong("version");

    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"拆迁\", \"version\": " + version + "}")
        .post("/api/v1/branches/" + branch + "/dissolution")
        .then()
        .statusCode(200)
        .body("status", equalTo("DISSOLVED"))
        .body("buildingIds", empty())
        .body("members", equalTo(0))
        .body("belowMinimum", equalTo(false))
        .body("rosterChanges", equalTo(3));
    assertThat(roster(branch)).isEmpty();
    given()
        .header("If-None-Match", rosterTag)
        .get("/api/v1/branches/" + branch + "/roster")
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(rosterTag)))
        .body("total", equalTo(0));
    given().get("/api/v1/buildings/" + a).then().body("coveringBranchId", nullValue());
    assertThat(KafkaTestClient.header(branchEvents(branch, 2).get(1), "ce_type"))
        .isEqualTo("BranchDissolved");
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body("{\"reason\": \"again\"}")
        .post("/api/v1/branches/" + branch + "/dissolution")
        .then()
        .statusCode(422)
        .body("detail", containsString("dissolved"));
    // the building is free again for a new branch
    branch(community, "BUILDING_BRANCH", "D楼新党支部", a);
  }

  @Test
  void mergingMovesBuildingsAndMembersToTheOtherBranch() {
    UUID community = community();
    UUID a = building(community, "M1");
    UUID b = building(community, "M2");
    UUID c = building(community, "M3");
    UUID d = building(community, "M4");
    for (UUID x : List.of(a, b, c, d)) {
      fullMembers(community, x, 2);
    }
    for (UUID x : List.of(a, b, c, d)) {
      awaitResidents(x, 2);
    }
    UUID source = branch(community, "JOINT_BRANCH", "M1-2联合支部", a, b);
    UUID target = branch(community, "JOINT_BRANCH", "M3-4联合支部", c, d);
    List<String> moving = roster(source);

    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body("{\"intoBranchId\": \"" + target + "\"}")
        .post("/api/v1/branches/" + source + "/merge")
        .then()
        .statusCode(200)
        .body("id", equalTo(target.toString()))
        .body("buildingIds", hasSize(4))
        .body("members", equalTo(8))
        .body("rosterChanges", equalTo(4));
    assertThat(roster(target)).containsAll(moving).hasSize(8);
    given()
        .get("/api/v1/branches/" + source)
        .then()
        .body("status", equalTo("DISSOLVED"))
        .body("mergedInto", equalTo(target.toString()));
    List<ConsumerRecord<String, String>> memberEvents =
        Fixtures.kafka()
            .awaitRecords(
                "branches.events", r -> moving.get(0).equals(r.key()), 3, Duration.ofSeconds(30));
    assertThat(memberEvents.get(1).value()).contains("LEFT", source.toString());
    assertThat(memberEvents.get(2).value()).contains("JOINED", target.toString());
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body("{\"intoBranchId\": \"" + source + "\"}")
        .post("/api/v1/branches/" + target + "/merge")
        .then()
        .statusCode(422);
  }

  @Test
  void aBranchFallingBelowThreeFullMembersRaisesAnAlert() {
    UUID community = community();
    UUID a = building(community, "E楼");
    List<UUID> members = fullMembers(community, a, 3);
    awaitResidents(a, 3);
    UUID branch = branch(community, "BUILDING_BRANCH", "E楼党支部", a);
    given()
        .queryParam("communityId", community.toString())
        .get("/api/v1/branches/alerts")
        .then()
        .body("id", not(hasItem(branch.toString())));
    UUID m = members.get(0);
    Fixtures.sendMemberEvent(
        "MemberStatusChanged", m, 1, Fixtures.snapshot(m, community, a, "FULL", "DECEASED"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("communityId", community.toString())
                    .get("/api/v1/branches/alerts")
                    .then()
                    .body("id", hasItem(branch.toString())));
    given()
        .get("/api/v1/branches/" + branch)
        .then()
        .body("belowMinimum", equalTo(true))
        .body("fullMembers", equalTo(2));
  }
}
