package org.civic.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
      Fixtures.awaitKnownIn(system, "members-service", building);
      Fixtures.awaitKnownIn(system, "activities-service", building);
      latenciesMs.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(latenciesMs);
    System.out.printf(
        "BuildingRegistered -> known in members and activities: median %d ms, max %d ms (%d)%n",
        latenciesMs.get(latenciesMs.size() / 2),
        latenciesMs.get(latenciesMs.size() - 1),
        latenciesMs.size());
    assertThat(latenciesMs).hasSize(20);
  }
}
