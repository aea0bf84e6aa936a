package org.civic.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up section of the report, from the results bench/run.sh writes. */
class ReportStartupTests {
  @TempDir Path dir;

  @AfterEach
  void clearDir() {
    System.clearProperty("bench.dir");
  }

  @Test
  void aStartWhoseJvmRefusedItsAotCacheIsNamed() throws Exception {
    String report =
        report(
            "[{\"name\":\"members-service\",\"start\":1,\"firstAnswerSeconds\":3.1,\"rssKb\":225000,"
                + "\"cpuMs\":5000,\"aotErrorLines\":0},"
                + "{\"name\":\"members-service\",\"start\":2,\"firstAnswerSeconds\":9.8,"
                + "\"rssKb\":240000,\"cpuMs\":14000,\"aotErrorLines\":5}]");

    assertTrue(report.contains("AOT cache errors in the log of members-service start 2"), report);
    assertFalse(report.contains("members-service start 1"), report);
  }

  @Test
  void startsWithoutAotErrorsOrFromAnOlderRunAreNotFlagged() throws Exception {
    String report =
        report(
            "[{\"name\":\"members-service\",\"start\":1,\"firstAnswerSeconds\":3.1,\"rssKb\":225000,"
                + "\"cpuMs\":5000,\"aotErrorLines\":0},"
                + "{\"name\":\"branches-service\",\"start\":1,\"firstAnswerSeconds\":2.9,"
                + "\"rssKb\":220000,\"cpuMs\":4800}]");

    assertTrue(report.contains("| members-service | 1 | 3.10 s"), report);
    assertFalse(report.contains("AOT cache errors"), report);
  }

  private String report(String startupAlone) throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(
        results.resolve("startup.json"), "{\"services\":[],\"platformUpSeconds\":\"20.0\"}");
    Files.writeString(results.resolve("startup-alone.json"), startupAlone);
    System.setProperty("bench.dir", dir.toString());
    Path out = dir.resolve("performance.md");
    new Report(new Bench.Context()).write(out);
    return Files.readString(out);
  }
}
