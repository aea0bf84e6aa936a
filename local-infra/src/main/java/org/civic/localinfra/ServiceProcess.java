package org.civic.localinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service running as a child process: of {@link LocalRun}, and of the system
 * tests.
 */
public final class ServiceProcess {

  /** What to run: the module directory name doubles as the service name. */
  public record Spec(String name, int port, String database) {
    public Path jar(Path root) {
      return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url() {
      return "http://localhost:" + port;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Spec spec;
  private final Process process;
  private final Path logFile;

  private ServiceProcess(Spec spec, Process process, Path logFile) {
    this.spec = spec;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code java -jar quarkus-run.jar} in the module directory (where Quarkus looks for a
   * .env file, as in dev mode). The child inherits this process's environment, so extra variables
   * (e.g. for demo data) pass through unchanged; {@code env} adds or overrides.
   */
  public static ServiceProcess launch(
      Spec spec,
      Path root,
      Map<String, String> env,
      Path java,
      List<String> jvmOptions,
      Path logFile)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(spec.jar(root).toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.resolve(spec.name()).toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    builder.environment().putAll(env);
    return new ServiceProcess(spec, builder.start(), logFile);
  }

  public Spec spec() {
    return spec;
  }

  public long pid() {
    return process.pid();
  }

  public Process process() {
    return process;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** True once /q/health/ready answers 200 (database, Kafka and the rest are up). */
  public boolean isReady() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(spec.url() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String logTail(int lines) {
    return Dirs.tail(logFile, lines);
  }

  /** Asks politely (SIGTERM, Quarkus shuts down gracefully), then forces after the grace period. */
  public void requestStop() {
    process.destroy();
  }

  /** True if it stopped within the grace period, false if it had to be killed. */
  public boolean awaitStopOrKill(Duration grace) {
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
      System.err.printf("%s did not stop within %s; killing it%n", spec.name(), grace);
      killWithChildren();
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killWithChildren();
    }
    return false;
  }

  /**
   * Children first: a JVM writing its AOT cache at exit assembles it in a child JVM, which would
   * outlive its parent (and go on writing the file) if only the parent were killed.
   */
  private void killWithChildren() {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
