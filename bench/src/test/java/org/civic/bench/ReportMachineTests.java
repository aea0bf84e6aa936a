package org.civic.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's machine section and its "noisy machine" warning. */
class ReportMachineTests {
  @TempDir Path dir;

  @AfterEach
  void clearDir() {
    System.clearProperty("bench.dir");
  }

  @Test
  void theRunsOwnBuildDoesNotMakeTheMachineNoisy() throws Exception {
    String report = report("\"loadAtLaunch\":\"0.44 0.13 0.05\",\"loadStart\":\"3.45 1.14 0.41\"");

    assertFalse(report.contains("Noisy machine"), report);
    assertTrue(report.contains("| load average at launch, before the build (1/5/15 min) | 0.44"));
    assertTrue(report.contains("| load average after the build (1/5/15 min) | 3.45"), report);
  }

  @Test
  void otherWorkAtLaunchIsReported() throws Exception {
    String report = report("\"loadAtLaunch\":\"4.20 3.90 2.00\",\"loadStart\":\"5.10 4.00 2.10\"");

    assertTrue(report.contains("the load average was 4.2 on 2 cores when the run was launched"));
  }

  @Test
  void anOlderResultWithoutTheLaunchLoadIsJudgedOnItsStart() throws Exception {
    String report = report("\"loadStart\":\"4.17 4.75 7.76\"");

    assertTrue(report.contains("the load average was 4.2 on 2 cores"), report);
    assertFalse(report.contains("before the build"), report);
  }

  private String report(String loads) throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(
        results.resolve("machine.json"), "{\"mode\":\"full\",\"nproc\":\"2\"," + loads + "}");
    System.setProperty("bench.dir", dir.toString());
    Path out = dir.resolve("performance.md");
    new Report(new Bench.Context()).write(out);
    return Files.readString(out);
  }
}
