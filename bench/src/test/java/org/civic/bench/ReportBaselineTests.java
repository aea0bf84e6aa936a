package org.civic.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's baseline: pgbench's rate, and one client's read back to back and from idle. */
class ReportBaselineTests {
  @TempDir Path dir;

  @AfterEach
  void clearDir() {
    System.clearProperty("bench.dir");
  }

  @Test
  void theReadFromIdleIsReportedBesideTheReadBackToBack() throws Exception {
    Path results = results();
    Files.writeString(
        results.resolve("baseline-idle.json"),
        "{\"backToBack\":{\"count\":8053,\"medianMs\":0.116,\"p99Ms\":0.228,\"maxMs\":4.332},"
            + "\"fromIdle\":{\"count\":1042,\"medianMs\":0.457,\"p99Ms\":0.676,\"maxMs\":1.237}}");

    String report = report();

    assertTrue(report.contains("| back to back | 8053 | 0.116 ms | 0.228 ms | 4.332 ms |"), report);
    assertTrue(report.contains("| one every 20 ms | 1042 | 0.457 ms | 0.676 ms | 1.237 ms |"));
  }

  @Test
  void aRunWithoutTheIdleReadsLeavesTheirTableOut() throws Exception {
    results();

    String report = report();

    assertTrue(report.contains("| 30,137 |"), report);
    assertFalse(report.contains("one every 20 ms"), report);
  }

  private Path results() throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("machine.json"), "{\"mode\":\"full\",\"nproc\":\"2\"}");
    Files.writeString(
        results.resolve("baseline-pgbench.json"),
        "{\"tps\":30137,\"medianMs\":\"0.30\",\"p99Ms\":\"0.90\",\"maxMs\":\"9.00\","
            + "\"clients\":10,\"seconds\":30,\"scale\":10}");
    return results;
  }

  private String report() throws Exception {
    System.setProperty("bench.dir", dir.toString());
    Path out = dir.resolve("performance.md");
    new Report(new Bench.Context()).write(out);
    return Files.readString(out);
  }
}
