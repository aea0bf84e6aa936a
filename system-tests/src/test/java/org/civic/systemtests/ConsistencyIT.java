package org.civic.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After a burst of registrations, relocations and status changes, every service's view agrees with
 * the member register: counts per building, rosters, and the households to visit.
 */
class ConsistencyIT {
  static final int BUILDINGS = 3;

  @Test
  void everyServiceAgreesWithTheRegisterAfterABurstOfChanges() {
    SystemUnderTest system = SystemUnderTest.get();
    String community = Fixtures.community(system);
    List<String> buildings = new ArrayList<>();
    List<String> branches = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (int b = 0; b < BUILDINGS; b++) {
      String building = Fixtures.building(system, community, "一致楼" + b);
      Fixtures.awaitKnownIn(system, "members-service", building);
      buildings.add(building);
      for (int i = 0; i < 3; i++) {
        members.add(Fixtures.member(system, building, "1", "1" + b + i, "基" + b + i));
      }
    }
    for (int b = 0; b < BUILDINGS; b++) {
      Fixtures.awaitFullMembers(system, buildings.get(b), 3);
      branches.add(Fixtures.branch(system, community, "一致楼" + b + "党支部", buildings.get(b)));
    }

    Random random = new Random(42);
    for (int i = 0; i < 30; i++) {
      String building = buildings.get(random.nextInt(BUILDINGS));
      members.add(Fixtures.member(system, building, "2", Integer.toString(200 + i), "新" + i));
    }
    for (int i = 0; i < 30; i++) {
      String member = members.get(random.nextInt(members.size()));
      String building = buildings.get(random.nextInt(BUILDINGS));
      given()
          .baseUri(system.url("members-service"))
          .contentType("application/json")
          .body(
              "{\"buildingId\": \"%s\", \"unit\": \"3\", \"room\": \"%d\"}"
                  .formatted(building, 300 + i))
          .post("/api/v1/members/" + member + "/relocation")
          .then()
          .statusCode(200);
    }
    for (int i = 0; i < 5; i++) {
      // Members beyond the first 9 keep every branch at or above 3 full members.
      String member = members.get(9 + i);
      given()
          .baseUri(system.url("members-service"))
          .contentType("application/json")
          .body("{\"status\": \"DECEASED\", \"reason\": \"一致性测试\"}")
          .post("/api/v1/members/" + member + "/status")
          .then()
          .statusCode(200);
    }

    for (int b = 0; b < BUILDINGS; b++) {
      String building = buildings.get(b);
      String branch = branches.get(b);
      Set<String> register = activeMembersIn(system, building);
      Wait.until(
          "branches-service counts " + register.size() + " residents in building " + b,
          () -> residents(system, building) == register.size());
      Wait.until(
          "branches-service roster of branch " + b + " matches the register",
          () -> branchesRoster(system, branch).equals(register));
      Wait.until(
          "activities-service roster of branch " + b + " matches the register",
          () -> activitiesRoster(system, branch).equals(register));
      Set<String> households = householdsOf(system, register);
      Wait.until(
          "activities-service visit plan of branch " + b + " lists the register's households",
          () -> visitPlan(system, branch).equals(households));
      Wait.until(
          "members-service shows branch " + b + " on its members",
          () -> membersWithBranch(system, branch).equals(register));
    }
    assertThat(members).hasSize(3 * BUILDINGS + 30);
  }

  static Set<String> activeMembersIn(SystemUnderTest system, String building) {
    List<String> ids =
        given()
            .baseUri(system.url("members-service"))
            .queryParam("buildingId", building)
            .queryParam("status", "ACTIVE")
            .queryParam("size", 200)
            .get("/api/v1/members")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    return new HashSet<>(ids);
  }

  static Set<String> membersWithBranch(SystemUnderTest system, String branch) {
    List<String> ids =
        given()
            .baseUri(system.url("members-service"))
            .queryParam("branchId", branch)
            .queryParam("size", 200)
            .get("/api/v1/members")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    return new HashSet<>(ids);
  }

  static int residents(SystemUnderTest system, String building) {
    return given()
        .baseUri(system.url("branches-service"))
        .get("/api/v1/buildings/" + building)
        .then()
        .statusCode(200)
        .extract()
        .path("residents.total");
  }

  static Set<String> branchesRoster(SystemUnderTest system, String branch) {
    List<String> ids =
        given()
            .baseUri(system.url("branches-service"))
            .queryParam("size", 200)
            .get("/api/v1/branches/" + branch + "/roster")
            .then()
            .statusCode(200)
            .extract()
            .path("items.memberId");
    return new HashSet<>(ids);
  }

  static Set<String> activitiesRoster(SystemUnderTest system, String branch) {
    List<String> ids =
        given()
            .baseUri(system.url("activities-service"))
            .get("/api/v1/branches/" + branch + "/roster")
            .then()
            .statusCode(200)
            .extract()
            .path("memberId");
    return new HashSet<>(ids);
  }

  static Set<String> householdsOf(SystemUnderTest system, Set<String> members) {
    Set<String> households = new HashSet<>();
    for (String member : members) {
      households.add(
          given()
              .baseUri(system.url("members-service"))
              .get("/api/v1/members/" + member)
              .then()
              .statusCode(200)
              .extract()
              .<String>path("householdId"));
    }
    return households;
  }

  static Set<String> visitPlan(SystemUnderTest system, String branch) {
    List<String> ids =
        given()
            .baseUri(system.url("activities-service"))
            .queryParam("month", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())
            .get("/api/v1/branches/" + branch + "/visit-plan")
            .then()
            .statusCode(200)
            .extract()
            .path("households.householdId");
    return new HashSet<>(ids);
  }
}
