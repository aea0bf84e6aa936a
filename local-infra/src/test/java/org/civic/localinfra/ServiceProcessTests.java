package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTests {

  /**
   * A JVM writing its AOT cache as it exits does so in a child JVM; killed alone, the parent would
   * leave that child running (and writing the file the local run has just deleted).
   */
  @Test
  void aServiceKilledAfterItsGraceTakesItsChildrenWithIt(@TempDir Path root) throws Exception {
    Files.createDirectory(root.resolve("svc"));
    Path childPid = root.resolve("child.pid");
    // Stands in for `java`: ignores SIGTERM and starts a child that ignores it too.
    Path fakeJava = root.resolve("fake-java");
    Files.writeString(
        fakeJava, "#!/bin/sh\ntrap '' TERM\nsleep 300 &\necho $! > " + childPid + "\nwait\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));
    ServiceProcess service =
        ServiceProcess.launch(
            new ServiceProcess.Spec("svc", 0, "svc"),
            root,
            Map.of(),
            fakeJava,
            List.of(),
            root.resolve("svc.log"));
    long child = awaitPid(childPid);
    assertTrue(isAlive(child));

    service.requestStop();
    boolean stoppedByItself = service.awaitStopOrKill(Duration.ofMillis(300));

    assertFalse(stoppedByItself, "the stand-in ignores SIGTERM, so it has to be killed");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (isAlive(child) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(isAlive(child), "the child outlived its killed parent");
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static long awaitPid(Path file) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file).strip();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the stand-in did not start its child");
  }
}
