package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTests {

  @Test
  void portsPickedOneAfterTheOtherAreDistinct() {
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      picked.add(Ports.freePortOtherThan(picked));
    }
    assertEquals(200, new HashSet<>(picked).size());
  }

  @Test
  void aTakenPortIsNeverHandedOut() {
    int taken = Ports.freePort();
    for (int i = 0; i < 200; i++) {
      assertNotEquals(taken, Ports.freePortOtherThan(List.of(taken)));
    }
  }
}
