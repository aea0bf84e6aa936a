package org.civic.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real event across the packaged services: BuildingRegistered reaches both consumers. */
class BuildingRegistrationIT {
  static SystemUnderTest system;

  @BeforeAll
  static void startSystem() {
    system = SystemUnderTest.get();
  }

  @Test
  void aRegisteredBuildingArrivesInMembersAndActivities() {
    String community = Fixtures.community(system);
    List<Long> latenciesMs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      String building = Fixtures.building(system, community, "楼" + i);
      awaitKnown("members-service", building);
      awaitKnown("activities-service", building);
      latenciesMs.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(latenciesMs);
    System.out.printf(
        "BuildingRegistered -> both consumers: median %d ms, max %d ms over %d buildings%n",
        latenciesMs.get(latenciesMs.size() / 2), latenciesMs.get(latenciesMs.size() - 1),
        latenciesMs.size());
    assertThat(latenciesMs).hasSize(20);
  }

  private static void awaitKnown(String service, String building) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (given()
            .baseUri(system.url(service))
            .accept(ContentType.JSON)
            .get("/api/v1/reference/buildings/" + building)
            .statusCode()
        != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(service + " never learned of building " + building);
      }
      SystemUnderTest.sleep(5);
    }
  }
}
