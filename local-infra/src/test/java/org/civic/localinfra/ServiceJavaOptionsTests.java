package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServiceJavaOptionsTests {

  @Test
  void trimsTheNativeHeapOnlyWhereTheJvmKnowsTheOption() {
    assertEquals("", LocalRun.trimNativeHeap(Runtime.Version.parse("17.0.8")));
    assertEquals(
        " -XX:TrimNativeHeapInterval=5000",
        LocalRun.trimNativeHeap(Runtime.Version.parse("17.0.15+6")));
    assertEquals(
        " -XX:TrimNativeHeapInterval=5000", LocalRun.trimNativeHeap(Runtime.Version.parse("21")));
  }
}
