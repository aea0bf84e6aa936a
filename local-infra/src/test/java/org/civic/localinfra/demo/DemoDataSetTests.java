package org.civic.localinfra.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.civic.localinfra.demo.DemoDataSet.DemoBranch;
import org.civic.localinfra.demo.DemoDataSet.DemoMember;
import org.junit.jupiter.api.Test;

class DemoDataSetTests {

  private final DemoDataSet data = DemoDataSet.generate();

  @Test
  void hasTheWorkedExamplesMembersPerCategory() {
    assertEquals(289, data.members().size());
    assertEquals(
        Map.of("RETIRED_CADRE", 42L, "RETIRED", 190L, "EMPLOYED", 57L), data.countByCategory());
  }

  @Test
  void moreThanThreeMembersLiveIn30Of32Buildings() {
    assertEquals(32, data.buildings().size());
    Map<Integer, List<DemoMember>> byBuilding = data.membersByBuilding();
    assertEquals(30, byBuilding.values().stream().filter(l -> l.size() > 3).count());
    assertEquals(
        2, byBuilding.values().stream().filter(l -> !l.isEmpty() && l.size() <= 3).count());
  }

  @Test
  void isTheSameOnEveryRun() {
    DemoDataSet again = DemoDataSet.generate();
    assertEquals(data, again);
    Map<Integer, UUID> ids =
        IntStream.rangeClosed(1, 32).boxed().collect(Collectors.toMap(n -> n, n -> new UUID(0, n)));
    assertEquals(data.csv(ids), again.csv(ids));
  }

  @Test
  void membersLookReal() {
    Set<String> names = new HashSet<>();
    LocalDate today = LocalDate.of(2026, 11, 29);
    for (DemoMember m : data.members()) {
      assertTrue(names.add(m.name()), "names are unique: " + m.name());
      assertTrue(m.name().length() >= 2 && m.name().length() <= 3, m.name());
      assertTrue(!m.joinedOn().isBefore(m.birthDate().plusYears(18)), m.toString());
      assertTrue(m.joinedOn().isBefore(today), m.toString());
      if (m.full()) {
        assertTrue(!m.fullMemberOn().isBefore(m.joinedOn()), m.toString());
        assertTrue(m.fullMemberOn().isBefore(today), m.toString());
      } else {
        assertNull(m.fullMemberOn(), m.toString());
      }
      if (m.category().equals("RETIRED_CADRE")) {
        assertTrue(m.joinedOn().isBefore(LocalDate.of(1949, 10, 1)), m.toString());
      }
      if (m.membershipHeld().equals("EMPLOYER")) {
        assertTrue(m.membershipOrganisation() != null, m.toString());
      }
    }
    long probationary = data.members().stream().filter(m -> !m.full()).count();
    assertTrue(probationary > 5 && probationary < 20, "some probationary: " + probationary);
    assertTrue(data.households() < data.members().size() - 20, "households shared sometimes");
    Set<String> tags =
        data.members().stream().flatMap(m -> m.specialties().stream()).collect(Collectors.toSet());
    assertTrue(
        tags.containsAll(List.of("medical", "repair", "calligraphy", "law")), tags.toString());
  }

  @Test
  void tenBranchesFollowTheRules() {
    assertEquals(10, data.branches().size());
    Set<Integer> covered = new HashSet<>();
    long joint = 0;
    for (DemoBranch b : data.branches()) {
      for (int n : b.buildings()) {
        assertTrue(covered.add(n), "building " + n + " in one branch only");
      }
      long full = data.membersOf(b).stream().filter(DemoMember::full).count();
      assertTrue(full >= 3, b + " has " + full + " full members");
      assertTrue(data.membersOf(b).size() <= 50, b.toString());
      if (b.kind().equals("JOINT_BRANCH")) {
        joint++;
        assertTrue(b.buildings().size() >= 2 && b.buildings().size() <= 5, b.toString());
      } else {
        assertEquals(1, b.buildings().size(), b.toString());
      }
    }
    assertEquals(3, joint);
    // The two small buildings are in joint branches.
    assertTrue(covered.containsAll(DemoDataSet.SMALL_BUILDINGS.keySet()));
  }
}
