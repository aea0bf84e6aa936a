package org.civic.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the service processes of a run in a pid file, so that the next run can stop the ones a
 * killed launcher (SIGKILL, crash) left behind instead of failing on their ports.
 */
final class LeftoverServices {

  private final Path pidFile;

  LeftoverServices(Path pidFile) {
    this.pidFile = pidFile;
  }

  synchronized void remember(ServiceProcess service) {
    try {
      Files.writeString(
          pidFile,
          service.pid() + " " + service.spec().name() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Called after an orderly stop: nothing is left over. */
  synchronized void forget() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every recorded process that is still a running Quarkus service. */
  synchronized void stopAll() throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    for (String line : Files.readAllLines(pidFile)) {
      String[] pidAndName = line.strip().split(" ", 2);
      if (pidAndName[0].matches("\\d+")) {
        leftover(Long.parseLong(pidAndName[0]))
            .ifPresent(process -> stop(process, pidAndName.length > 1 ? pidAndName[1] : "?"));
      }
    }
    forget();
  }

  /** Only a process still running a quarkus-run.jar counts: pids get reused. */
  private static Optional<ProcessHandle> leftover(long pid) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar")).orElse(false));
  }

  private static void stop(ProcessHandle process, String name) {
    System.err.printf("Stopping %s left running by an earlier run (pid %d)%n", name, process.pid());
    process.destroy();
    try {
      process.onExit().get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
  }
}
